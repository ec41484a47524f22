import { z } from 'zod';
import {
  LIMITS,
  boundedList,
  categorySchema,
  clockNameSchema,
  escalationLevelSchema,
  gradeSchema,
  idSchema,
  text,
} from '../fields';

export const complaintClassifiedPayloadSchema = z.strictObject({
  category: categorySchema,
  subCategory: z.string().min(1).max(LIMITS.name).optional(),
});
export type ComplaintClassifiedPayload = z.infer<typeof complaintClassifiedPayloadSchema>;

export const complaintGradedPayloadSchema = z.strictObject({
  grade: gradeSchema,
  reason: z.string().max(LIMITS.reason).optional(),
});
export type ComplaintGradedPayload = z.infer<typeof complaintGradedPayloadSchema>;

export const complaintAssignedPayloadSchema = z.strictObject({
  assigneeId: idSchema,
});
export type ComplaintAssignedPayload = z.infer<typeof complaintAssignedPayloadSchema>;

export const ESCALATION_REASONS = ['grade', 'request', 'breach'] as const;

/**
 * Up the ladder. A breach escalation names the clock that breached (its id is
 * derived from complaint and clock, so every replica writes the same one); at
 * the top rung a breach is still recorded, so there toLevel may equal fromLevel.
 */
export const complaintEscalatedPayloadSchema = z
  .strictObject({
    fromLevel: escalationLevelSchema,
    toLevel: escalationLevelSchema,
    reason: z.enum(ESCALATION_REASONS),
    note: z.string().max(LIMITS.reason).optional(),
    clock: clockNameSchema.optional(),
    toUserId: idSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.reason === 'breach' && p.clock === undefined) {
      ctx.addIssue({ code: 'custom', path: ['clock'], message: 'A breach escalation names its clock' });
    }
    if (p.reason !== 'breach' && p.clock !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['clock'], message: 'Only a breach escalation names a clock' });
    }
    const atTop = p.reason === 'breach' && p.fromLevel === 4;
    if (atTop ? p.toLevel < p.fromLevel : p.toLevel <= p.fromLevel) {
      ctx.addIssue({ code: 'custom', path: ['toLevel'], message: 'An escalation goes up the ladder' });
    }
  });
export type ComplaintEscalatedPayload = z.infer<typeof complaintEscalatedPayloadSchema>;

/** To the branch with jurisdiction (批转). */
export const complaintTransferredPayloadSchema = z.strictObject({
  toBranchId: idSchema,
  reason: z.string().max(LIMITS.reason).optional(),
});
export type ComplaintTransferredPayload = z.infer<typeof complaintTransferredPayloadSchema>;

/** E.g. subject "投诉申告-服务质量-10086热线". */
export const workOrderFiledPayloadSchema = z.strictObject({
  subject: text(LIMITS.shortText),
  workOrderNo: z.string().min(1).max(LIMITS.id).optional(),
});
export type WorkOrderFiledPayload = z.infer<typeof workOrderFiledPayloadSchema>;

/** The officer notified the complained-about agent(s) and their lead(s). */
export const partiesNotifiedPayloadSchema = z.strictObject({
  agentIds: boundedList(idSchema, 20).min(1),
  leadIds: boundedList(idSchema, 20).min(1),
});
export type PartiesNotifiedPayload = z.infer<typeof partiesNotifiedPayloadSchema>;

/** An extension must carry the reason told to the complainant. */
export const extensionGrantedPayloadSchema = z.strictObject({
  days: z.number().int().min(1).max(60),
  reasonToldCustomer: text(LIMITS.reason),
});
export type ExtensionGrantedPayload = z.infer<typeof extensionGrantedPayloadSchema>;
