import { z } from 'zod';
import { categorySchema } from '../../shared/events/fields';
import { textParam } from '../../shared/protocol/query-params';
import { isStorableText } from '../../shared/protocol/stored-text';

/** The longest value of a list filter; anything longer is refused, not truncated. */
const MAX_FILTER = 500;
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** A list position this server gave out: the `first_seq` of the page's last complaint, opaque to clients. */
export function encodeCursor(firstSeq: number): string {
  return Buffer.from(JSON.stringify({ s: firstSeq })).toString('base64url');
}

function decodeCursor(raw: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'number' && Number.isSafeInteger(parsed.s) && parsed.s >= 0) return parsed.s;
  } catch {
    /* not JSON: refused below */
  }
  return undefined;
}

const commaList = (s: string) => s.split(',').map((v) => v.trim());

/** `GET /api/complaints`: each filter optional, an empty value the same as none. */
export const complaintListQuerySchema = z.object({
  branchId: textParam(MAX_FILTER),
  status: textParam(MAX_FILTER)
    .transform((s) => (s === undefined ? undefined : commaList(s).filter(Boolean)))
    .describe('Statuses, comma-separated'),
  grade: textParam(MAX_FILTER)
    .refine((s) => s === undefined || commaList(s).every((g) => /^[1-4]$/.test(g)), 'grade is 1, 2, 3 or 4 (comma-separated)')
    .transform((s) => (s === undefined ? undefined : commaList(s).map(Number))),
  overdue: z
    .enum(['true', 'false', '1', '0', ''], { error: 'overdue is true or false' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1')),
  limit: z
    .string()
    .regex(/^(\d{1,6})?$/, 'limit is a whole number from 1')
    .optional()
    .transform((s) => (s ? Number(s) : undefined))
    .refine((n) => n === undefined || n >= 1, 'limit is a whole number from 1')
    .transform((n) => Math.min(MAX_PAGE, n ?? DEFAULT_PAGE))
    .describe(`Complaints per page (default ${DEFAULT_PAGE}, at most ${MAX_PAGE})`),
  cursor: textParam(MAX_FILTER)
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const seq = decodeCursor(s);
      if (seq === undefined) ctx.addIssue({ code: 'custom', message: 'cursor is not one this server gave out' });
      return seq;
    })
    .describe("The previous page's nextCursor"),
});

/**
 * `GET /api/complaints/:id`: an id the database could hold. Anything else
 * names no complaint (the route answers it 404, as an unknown id).
 */
export const complaintIdParamsSchema = z.object({
  id: z.string().min(1).max(64).refine(isStorableText, 'is no complaint id'),
});

/** `POST /api/complaints/repeat-check`. */
export const repeatCheckBodySchema = z.strictObject({
  phone: z.string().min(1).max(40),
  category: categorySchema,
});
