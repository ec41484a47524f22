import { z } from 'zod';

/** Ids longer than the protocol's 64 are still stored (and their events rejected); beyond this they are not identifiable. */
export const MAX_STORED_ID = 200;

/** Text the database can store and compare as it came: no NUL, no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

/** An id as the server stores it (an event's, a complaint's): a NUL or half a surrogate pair could not even be compared. */
export const storedIdSchema = z
  .string()
  .min(1)
  .max(MAX_STORED_ID)
  .refine(isStorableText, 'must be a stored id (no NUL, no malformed Unicode)');
