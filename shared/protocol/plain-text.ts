import { z } from 'zod';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 and C1 control characters and DEL; tab, line feed and carriage return are allowed in multi-line text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether text can be stored and shown as it is: no lone surrogates, no control characters (but line breaks where allowed). */
export function isPlainText(text: string, multiline = false): boolean {
  return !LONE_SURROGATE.test(text) && !(multiline ? CONTROL_MULTILINE : CONTROL_LINE).test(text);
}

/**
 * Text a person typed, checked at the boundary: bounded length, well-formed
 * UTF-16 (a lone surrogate cannot be stored as UTF-8) and no control
 * characters (NUL cannot be stored at all; the others hide text on screen).
 */
export function plainText(opts: { max: number; min?: number; multiline?: boolean; trim?: boolean }) {
  const base = opts.trim ? z.string().trim() : z.string();
  return base
    .min(opts.min ?? 1)
    .max(opts.max)
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'must not contain a lone surrogate (malformed Unicode)' })
    .refine((s) => !(opts.multiline ? CONTROL_MULTILINE : CONTROL_LINE).test(s), { message: 'must not contain control characters' });
}

/** An identifier clients and admins choose (branch, team, script, workstation ids): letters, digits, dot, dash, underscore. */
export const referenceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');
