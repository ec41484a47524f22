import { z } from 'zod';

/** Every error answer of the API: `{"error":{"code","message"}}`. */
export const errorAnswerSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

/** The error of an answer body, when it is one. */
export function errorOf(body: unknown): { code: string; message: string } | null {
  const parsed = errorAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
