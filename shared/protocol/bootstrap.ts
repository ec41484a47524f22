import { z } from 'zod';
import { wireEventSchema } from './events';
import { storedIdSchema } from './stored-text';

/**
 * `GET /api/sync/bootstrap`: the first sync of an empty replica, complaint by
 * complaint. The first page fixes `upTo`, the feed position the whole
 * bootstrap delivers up to; later pages send it back with `after`, the last
 * complaint id of the page before. The events delivered are exactly those a
 * pull from the start up to `upTo` delivers to the caller (same scope), each
 * complaint's together, so a workstation folds and writes each complaint
 * once. Afterwards the ordinary pull continues from `{seq: upTo}`: what was
 * committed while the bootstrap ran lies above it and is pulled then.
 */
export const BOOTSTRAP_MAX_COMPLAINTS = 1000;

export const bootstrapQuerySchema = z.object({
  upTo: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  // A complaint id as stored: never a NUL or half a surrogate pair, which the database cannot even compare.
  after: storedIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(BOOTSTRAP_MAX_COMPLAINTS).default(200),
});
export type BootstrapQuery = z.infer<typeof bootstrapQuerySchema>;

export const bootstrapComplaintSchema = z.object({ id: z.string(), events: z.array(wireEventSchema) });

export const bootstrapPageSchema = z.object({
  upTo: z.number().int().min(0),
  complaints: z.array(bootstrapComplaintSchema),
  /** The caller's rejected events up to `upTo` (admins: everyone's), on the first page only. */
  rejected: z.array(wireEventSchema),
  /** `after` for the next page; null on the last page. */
  next: z.string().nullable(),
  /** On the first page: how much the bootstrap will deliver, for its progress. */
  total: z.object({ complaints: z.number().int().min(0), events: z.number().int().min(0) }).nullable(),
});
export type BootstrapPage = z.infer<typeof bootstrapPageSchema>;
