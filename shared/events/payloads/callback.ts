import { z } from 'zod';
import { LIMITS, channelSchema, isoDateTimeSchema, serialSchema, text } from '../fields';

export const callbackScheduledPayloadSchema = z.strictObject({
  at: isoDateTimeSchema,
  /** The customer asked to be called after 17:00; noted before 17:00. */
  customerRequestedLate: z.boolean().optional(),
  note: z.string().max(LIMITS.reason).optional(),
});
export type CallbackScheduledPayload = z.infer<typeof callbackScheduledPayloadSchema>;

/** One call on the official line; `serial` is that call's recording serial. */
export const callbackAttemptedPayloadSchema = z.strictObject({
  reached: z.boolean(),
  serial: serialSchema,
  /** When reached: whether the customer accepted the apology and explanation. */
  customerAccepted: z.boolean().optional(),
  /** When reached: how many times the lead asked the customer to accept in this call. */
  acceptanceAsks: z.number().int().min(0).max(20).optional(),
  /** The customer asked for this call (a further apology call is then within the norm). */
  customerAskedForCall: z.boolean().optional(),
  note: z.string().max(LIMITS.reason).optional(),
});
export type CallbackAttemptedPayload = z.infer<typeof callbackAttemptedPayloadSchema>;

/**
 * 中途意见, the template's blanks: 经听(recordingSerial)录音,话务员(agentConduct),
 * 客户投诉情况(complaintFounded: 属实/不存在),经联系客户解释,客户(customerAccepted:
 * 接受/不接受),回访流水号(callbackSerial).
 */
export const callbackMidCourseNotePayloadSchema = z.strictObject({
  recordingSerial: serialSchema,
  agentConduct: text(LIMITS.reason),
  complaintFounded: z.boolean(),
  customerAccepted: z.boolean(),
  callbackSerial: serialSchema,
  text: z.string().max(LIMITS.text).optional(),
});
export type CallbackMidCourseNotePayload = z.infer<typeof callbackMidCourseNotePayloadSchema>;

/** 催办: the customer chased the complaint. */
export const customerUrgedPayloadSchema = z.strictObject({
  channel: channelSchema.optional(),
  serial: serialSchema.optional(),
  note: z.string().max(LIMITS.reason).optional(),
});
export type CustomerUrgedPayload = z.infer<typeof customerUrgedPayloadSchema>;

/**
 * After reviewing the callback recording: `revoked` (无效工单—安抚成功撤消服务质量投诉,
 * the agent's assessment is withdrawn) or `continue` (normal complaint flow).
 */
export const officerReviewedPayloadSchema = z.strictObject({
  decision: z.enum(['revoked', 'continue']),
  recordingSerial: serialSchema.optional(),
  note: z.string().max(LIMITS.reason).optional(),
});
export type OfficerReviewedPayload = z.infer<typeof officerReviewedPayloadSchema>;
