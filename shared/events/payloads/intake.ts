import { z } from 'zod';
import {
  LIMITS,
  boundedList,
  categorySchema,
  channelSchema,
  customerTitleSchema,
  customerTypeSchema,
  emotionSchema,
  gradeSchema,
  idSchema,
  isoDateTimeSchema,
  phoneSchema,
  serialSchema,
  text,
} from '../fields';

/** Fixed by the sync protocol; extend only with optional fields. */
export const complaintCreatedPayloadSchema = z.strictObject({
  number: z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
    message: 'Number may hold letters, digits, - and _ only',
  }),
  channel: channelSchema,
  receivedAt: isoDateTimeSchema,
  complainant: z.strictObject({
    name: text(LIMITS.name),
    phone: phoneSchema,
    address: z.string().max(LIMITS.shortText).optional(),
    customerType: customerTypeSchema,
    /** How the customer is addressed: 先生 (`mr`) or 女士 (`ms`), when known. */
    title: customerTitleSchema.optional(),
  }),
  incident: z
    .strictObject({
      occurredAt: isoDateTimeSchema.optional(),
      place: z.string().max(LIMITS.shortText).optional(),
    })
    .optional(),
  respondent: z
    .strictObject({
      department: z.string().max(LIMITS.name).optional(),
      agentJobNumbers: boundedList(z.string().min(1).max(32), 20).optional(),
    })
    .optional(),
  category: categorySchema,
  /** Optional sub-type within the category (e.g. wrong answer, unkept promise). */
  subCategory: z.string().min(1).max(LIMITS.name).optional(),
  grade: gradeSchema.optional(),
  description: z.string().min(1).max(LIMITS.description),
  demands: z.string().max(LIMITS.text).optional(),
  /** Serial (流水号) of the call being taken now, when the complaint comes by phone. */
  callSerial: serialSchema.optional(),
  /**
   * Serial of the complained-about call, whose recording the officer and the
   * lead listen to (经听(流水号)录音). Another call than `callSerial`; absent in
   * events written before the two were told apart.
   */
  complainedSerial: serialSchema.optional(),
});
export type ComplaintCreatedPayload = z.infer<typeof complaintCreatedPayloadSchema>;

export const NOT_ACCEPTED_CONDITIONS = ['respondent', 'facts', 'reachable'] as const;

/** Registered but failing an acceptance condition: kept with its reason, never dropped. */
export const complaintNotAcceptedPayloadSchema = z.strictObject({
  reason: text(LIMITS.reason),
  failedConditions: boundedList(z.enum(NOT_ACCEPTED_CONDITIONS), 3).optional(),
});
export type ComplaintNotAcceptedPayload = z.infer<typeof complaintNotAcceptedPayloadSchema>;

export const SOOTHING_OUTCOMES = ['withdrawn', 'accepted', 'not_accepted'] as const;

/**
 * The three soothing steps as done or not, emotions before and after, and the
 * outcome: `withdrawn` (the customer says they will not pursue it), `accepted`
 * (the agent confirms the customer accepts and withdraws), `not_accepted`
 * (a work order follows).
 */
export const soothingRecordedPayloadSchema = z.strictObject({
  steps: z.strictObject({
    calmed: z.boolean(),
    understood: z.boolean(),
    offeredSolution: z.boolean(),
  }),
  emotionBefore: emotionSchema,
  emotionAfter: emotionSchema,
  scriptId: idSchema.optional(),
  outcome: z.enum(SOOTHING_OUTCOMES),
  /** The agent confirmed going on although the required steps were not all done. */
  withoutSoothingConfirmed: z.boolean().optional(),
  /** Why the customer withdrew, recorded with the complained call serial. */
  withdrawalReason: z.string().max(LIMITS.reason).optional(),
  complainedSerial: serialSchema.optional(),
});
export type SoothingRecordedPayload = z.infer<typeof soothingRecordedPayloadSchema>;

/**
 * A withdrawal made in error (the customer did not in fact withdraw, or the
 * wrong button was pressed) taken back by a team lead or above, with why:
 * the complaint is registered again and the call's work goes on.
 */
export const withdrawalReversedPayloadSchema = z.strictObject({
  reason: text(LIMITS.reason),
});
export type WithdrawalReversedPayload = z.infer<typeof withdrawalReversedPayloadSchema>;

export const noteAddedPayloadSchema = z.strictObject({
  text: text(LIMITS.text),
  /**
   * The refused event of the same author this note dismisses from "Needs
   * attention", so every workstation of that user drops the item once the
   * note reaches it, and the reason stays on the complaint's record.
   */
  dismisses: idSchema.optional(),
});
export type NoteAddedPayload = z.infer<typeof noteAddedPayloadSchema>;
