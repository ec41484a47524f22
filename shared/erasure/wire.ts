import { z } from 'zod';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';
import { idSchema, LIMITS, text } from '../events/fields';

/** An admin's erasure request: the complaint by id or human number, the fields (all when absent), why. */
export const erasureRequestSchema = z
  .strictObject({
    complaintId: idSchema.optional(),
    number: z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/).optional(),
    fields: z.array(z.enum(REDACTABLE_FIELDS)).min(1).max(REDACTABLE_FIELDS.length).optional(),
    reason: text(LIMITS.reason),
  })
  .refine((r) => (r.complaintId === undefined) !== (r.number === undefined), { message: 'Name the complaint by id or by number' });
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

export const erasureResultSchema = z.object({
  redactionId: z.string(),
  complaintId: z.string(),
  fields: z.array(z.enum(REDACTABLE_FIELDS)),
  /** Stored events rewritten. */
  scrubbed: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

/** The record of one erasure: who erased what, when, and when the stored events were scrubbed. */
export const erasureRecordSchema = z.object({
  redactionId: z.string(),
  complaintId: z.string(),
  number: z.string().nullable(),
  branchId: z.string().nullable(),
  actorId: z.string(),
  fields: z.array(z.string()),
  reason: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  appliedAt: z.string().nullable(),
  scrubbed: z.number().nullable(),
});
export type ErasureRecord = z.infer<typeof erasureRecordSchema>;

export const erasurePageSchema = z.object({ items: z.array(erasureRecordSchema), nextCursor: z.string().nullable() });
export type ErasurePage = z.infer<typeof erasurePageSchema>;
