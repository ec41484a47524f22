import { z } from 'zod';
import { LIMITS, boundedList, findingSchema, idSchema, text } from '../fields';
import { ESTABLISHED_CRITERIA } from '../../rules/established-criteria';

const criterionSchema = z.enum(ESTABLISHED_CRITERIA.map((c) => c.code) as [string, ...string[]]);

export const INVESTIGATION_METHODS = [
  'document_review',
  'recording_review',
  'questionnaire',
  'interview',
  'on_site',
] as const;

export const investigationRecordedPayloadSchema = z.strictObject({
  method: z.enum(INVESTIGATION_METHODS),
  finding: findingSchema,
  /** Recording serials, document or exhibit references; kept unaltered. */
  evidenceRefs: boundedList(text(LIMITS.shortText)),
  /** Codes of the 成立 criteria that held (shared/rules/established-criteria). */
  criteria: boundedList(criterionSchema, ESTABLISHED_CRITERIA.length).optional(),
  note: z.string().max(LIMITS.text).optional(),
});
export type InvestigationRecordedPayload = z.infer<typeof investigationRecordedPayloadSchema>;

export const RESOLUTION_KINDS = ['apology', 'refund', 'compensation', 'correction', 'rectification'] as const;

export const resolutionRecordedPayloadSchema = z.strictObject({
  kinds: boundedList(z.enum(RESOLUTION_KINDS), RESOLUTION_KINDS.length).min(1),
  text: text(LIMITS.text),
});
export type ResolutionRecordedPayload = z.infer<typeof resolutionRecordedPayloadSchema>;

/** Money in yuan with at most two decimals. */
const amountSchema = z
  .number()
  .positive()
  .max(100_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'At most two decimals' });

export const refundRequestedPayloadSchema = z.strictObject({
  amount: amountSchema,
  currency: z.literal('CNY').optional(),
  /** The agent's own judgement against the policy's refund authority; the fold re-checks it. */
  withinAuthority: z.boolean(),
  reason: text(LIMITS.reason),
});
export type RefundRequestedPayload = z.infer<typeof refundRequestedPayloadSchema>;

/** `requestId` is the id of the refund.requested event decided on. */
export const refundApprovedPayloadSchema = z.strictObject({
  requestId: idSchema,
  note: z.string().max(LIMITS.reason).optional(),
});
export type RefundApprovedPayload = z.infer<typeof refundApprovedPayloadSchema>;

export const refundDeniedPayloadSchema = z.strictObject({
  requestId: idSchema,
  reason: text(LIMITS.reason),
});
export type RefundDeniedPayload = z.infer<typeof refundDeniedPayloadSchema>;

export const NOTIFY_CHANNELS = ['phone', 'sms', 'email', 'letter', 'wechat', 'in_person'] as const;

export const NOTIFY_PURPOSES = ['progress', 'result'] as const;
/**
 * The complainant told of progress, or of the result after the resolution
 * (in writing where the policy's feedback.resultInWriting says so). Without
 * `purpose` (events written before it existed) a notification after the
 * resolution is the result and one before it is progress.
 */
export const customerNotifiedPayloadSchema = z.strictObject({
  channel: z.enum(NOTIFY_CHANNELS),
  written: z.boolean().optional(),
  purpose: z.enum(NOTIFY_PURPOSES).optional(),
  text: z.string().max(LIMITS.text).optional(),
});
export type CustomerNotifiedPayload = z.infer<typeof customerNotifiedPayloadSchema>;

export const surveyRecordedPayloadSchema = z
  .strictObject({
    score: z.number().int().min(1).max(10),
    scale: z.union([z.literal(5), z.literal(10)]).optional(),
    comment: z.string().max(LIMITS.reason).optional(),
  })
  .refine((p) => p.score <= (p.scale ?? 10), { path: ['score'], message: 'Score above the scale' });
export type SurveyRecordedPayload = z.infer<typeof surveyRecordedPayloadSchema>;

export const complaintClosedPayloadSchema = z.strictObject({
  note: z.string().max(LIMITS.reason).optional(),
  /** Why the customer was not told the result (unreachable, refused contact...): closing a resolved complaint needs it or the result told. */
  resultNotToldReason: text(LIMITS.reason).optional(),
});
export type ComplaintClosedPayload = z.infer<typeof complaintClosedPayloadSchema>;

export const complaintReopenedPayloadSchema = z.strictObject({
  reason: text(LIMITS.reason),
});
export type ComplaintReopenedPayload = z.infer<typeof complaintReopenedPayloadSchema>;

/** Personal data a redaction can erase from the projection (and from stored copies). */
export const REDACTABLE_FIELDS = [
  'complainant.name',
  'complainant.phone',
  'complainant.address',
  'incident.place',
  'description',
  'demands',
  'notes',
] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

export const complaintRedactedPayloadSchema = z.strictObject({
  fields: boundedList(z.enum(REDACTABLE_FIELDS), REDACTABLE_FIELDS.length).min(1),
  reason: text(LIMITS.reason),
});
export type ComplaintRedactedPayload = z.infer<typeof complaintRedactedPayloadSchema>;
