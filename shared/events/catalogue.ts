import type { z } from 'zod';
import {
  complaintCreatedPayloadSchema,
  complaintNotAcceptedPayloadSchema,
  noteAddedPayloadSchema,
  soothingRecordedPayloadSchema,
  withdrawalReversedPayloadSchema,
} from './payloads/intake';
import {
  complaintAssignedPayloadSchema,
  complaintClassifiedPayloadSchema,
  complaintEscalatedPayloadSchema,
  complaintGradedPayloadSchema,
  complaintTransferredPayloadSchema,
  extensionGrantedPayloadSchema,
  partiesNotifiedPayloadSchema,
  workOrderFiledPayloadSchema,
} from './payloads/handling';
import {
  callbackAttemptedPayloadSchema,
  callbackMidCourseNotePayloadSchema,
  callbackScheduledPayloadSchema,
  customerUrgedPayloadSchema,
  officerReviewedPayloadSchema,
} from './payloads/callback';
import {
  complaintClosedPayloadSchema,
  complaintRedactedPayloadSchema,
  complaintReopenedPayloadSchema,
  customerNotifiedPayloadSchema,
  investigationRecordedPayloadSchema,
  refundApprovedPayloadSchema,
  refundDeniedPayloadSchema,
  refundRequestedPayloadSchema,
  resolutionRecordedPayloadSchema,
  surveyRecordedPayloadSchema,
} from './payloads/outcome';
import type { EventEnvelope } from './envelope';

export * from './fields';
export * from './payloads/intake';
export * from './payloads/handling';
export * from './payloads/callback';
export * from './payloads/outcome';

/** Version written into every new event's `v`. */
export const EVENT_SCHEMA_VERSION = 1;

export const payloadSchemas = {
  'complaint.created': complaintCreatedPayloadSchema,
  'complaint.not_accepted': complaintNotAcceptedPayloadSchema,
  'soothing.recorded': soothingRecordedPayloadSchema,
  'note.added': noteAddedPayloadSchema,
  'complaint.classified': complaintClassifiedPayloadSchema,
  'complaint.graded': complaintGradedPayloadSchema,
  'complaint.assigned': complaintAssignedPayloadSchema,
  'complaint.escalated': complaintEscalatedPayloadSchema,
  'complaint.transferred': complaintTransferredPayloadSchema,
  'work_order.filed': workOrderFiledPayloadSchema,
  'parties.notified': partiesNotifiedPayloadSchema,
  'callback.scheduled': callbackScheduledPayloadSchema,
  'callback.attempted': callbackAttemptedPayloadSchema,
  'callback.mid_course_note': callbackMidCourseNotePayloadSchema,
  'customer.urged': customerUrgedPayloadSchema,
  'officer.reviewed': officerReviewedPayloadSchema,
  'investigation.recorded': investigationRecordedPayloadSchema,
  'resolution.recorded': resolutionRecordedPayloadSchema,
  'refund.requested': refundRequestedPayloadSchema,
  'refund.approved': refundApprovedPayloadSchema,
  'refund.denied': refundDeniedPayloadSchema,
  'customer.notified': customerNotifiedPayloadSchema,
  'survey.recorded': surveyRecordedPayloadSchema,
  'complaint.closed': complaintClosedPayloadSchema,
  'complaint.reopened': complaintReopenedPayloadSchema,
  'extension.granted': extensionGrantedPayloadSchema,
  'complaint.redacted': complaintRedactedPayloadSchema,
  'withdrawal.reversed': withdrawalReversedPayloadSchema,
} as const;

export type EventType = keyof typeof payloadSchemas;

/** Every event type, in the order a complaint usually meets them. */
export const EVENT_TYPES = Object.keys(payloadSchemas) as unknown as readonly [EventType, ...EventType[]];

export type PayloadOf<T extends EventType> = z.infer<(typeof payloadSchemas)[T]>;

/** An envelope whose payload has been checked against its type's schema. */
export type TypedEvent<T extends EventType = EventType> = T extends EventType
  ? Omit<EventEnvelope, 'type' | 'payload'> & { type: T; payload: PayloadOf<T> }
  : never;

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(payloadSchemas, value);
}
