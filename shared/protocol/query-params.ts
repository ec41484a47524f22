import { z } from 'zod';
import { isStorableText } from './stored-text';

/**
 * Query parameters as clients send them: one value each (a name given twice
 * arrives as a list and is refused), and an empty value means not given.
 */

/** Text of at most `max` characters the database can compare; empty or absent reads as undefined. */
export function textParam(max: number) {
  return z
    .string()
    .max(max)
    .refine(isStorableText, 'must not contain NUL or malformed Unicode')
    .optional()
    .transform((s) => (s === '' ? undefined : s));
}

/** A whole number written in digits (no sign, exponent or fraction), at least `min`; empty or absent reads as undefined. */
export function wholeNumberParam(min: number) {
  return z
    .string()
    .regex(/^(\d{1,15})?$/, 'must be a whole number')
    .optional()
    .transform((s) => (s ? Number(s) : undefined))
    .refine((n) => n === undefined || n >= min, `must be at least ${min}`);
}
