import type { EventEnvelope } from '../events/envelope';
import type {
  CallbackMidCourseNotePayload,
  Category,
  Channel,
  ComplaintCreatedPayload,
  Finding,
  RedactableField,
  ResolutionRecordedPayload,
  SoothingRecordedPayload,
} from '../events/catalogue';
import type { Deadlines } from '../deadlines/deadlines';
import type { DeadlineClock } from '../deadlines/clocks';
import type { EscalationLevel, Grade } from '../events/fields';
import type { SecondResolutionReason } from '../rules/second-resolution-eligibility';
import type { AcceptanceCondition } from '../rules/acceptance-conditions';

export const COMPLAINT_STATUSES = [
  /** Events arrived before the complaint.created event (it has not synced yet). */
  'incomplete',
  'registered',
  'not_accepted',
  'withdrawn',
  'filed',
  'callback_pending',
  'in_progress',
  'resolved',
  'closed',
  'revoked',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type TimelineState = 'applied' | 'superseded' | 'invalid';

export interface TimelineEntry {
  eventId: string;
  type: string;
  hlc: string;
  actorId: string;
  occurredAt: string;
  state: TimelineState;
  /** Why an event was superseded or invalid, in plain words. */
  why?: string;
}

export interface CallbackAttempt {
  eventId: string;
  at: string;
  reached: boolean;
  serial: string;
  customerAccepted?: boolean;
  acceptanceAsks?: number;
  customerAskedForCall?: boolean;
}

export interface EscalationRecord {
  eventId: string;
  actorId: string;
  at: string;
  fromLevel: EscalationLevel;
  toLevel: EscalationLevel;
  reason: 'grade' | 'request' | 'breach';
  clock?: string;
  note?: string;
}

export interface RefundRecord {
  requestId: string;
  amount: number;
  /** The policy's refund authority, re-checked by the fold (not the writer's claim). */
  withinAuthority: boolean;
  decision: 'pending' | 'approved' | 'denied';
}

/**
 * A clock still running when the complaint was closed: counted as breached
 * when it was already due, else as exempt for the reason the closing cut it
 * short, never silently stopped.
 */
export interface ClockCutShort {
  clock: DeadlineClock;
  due: string;
  outcome: 'breached' | 'exempt';
  /** `result_not_told` (the closing records why), `closed_before_survey`, or `closed`. */
  reason: string;
}

export interface Flags {
  /** The acceptance conditions the registered complaint fails (failedAcceptanceConditions). */
  acceptanceFailed: AcceptanceCondition[];
  /** Registered later than the policy's registrationHours after receipt (registrationDelay). */
  registeredLate: boolean;
  /** A live contact (phone, walk-in) filed as a work order without the soothing steps. */
  filedWithoutSoothing: boolean;
  /** Whether the team lead's 二解 callback applies; null until the parties are notified. */
  secondResolution: boolean | null;
  secondResolutionReasons: SecondResolutionReason[];
  /** 催办 count, and whether one came before the lead's mid-course note. */
  urgedCount: number;
  urgedBeforeNote: boolean;
  /** Unreached callback attempts used up: handed back to the officer. */
  callbackUnreachable: boolean;
  /** An attempt came sooner than the policy's spacing after the previous one. */
  callbackSpacingViolated: boolean;
  /** A call asked the customer to accept more often than the policy's maxAcceptanceAsksPerCall. */
  callbackAcceptanceAskedTooOften: boolean;
  /** More calls reached the customer than maxApologyCalls without the customer asking for them. */
  callbackApologyCallsExceeded: boolean;
  /** The mid-course note claims a contact or an acceptance the callback attempts do not show. */
  midCourseNoteFalse: boolean;
  /** The officer's review decision after the callback. */
  review: 'revoked' | 'continue' | null;
  /** Revoked after soothing succeeded: the agent's assessment is withdrawn. */
  assessmentWithdrawn: boolean;
  reopenedCount: number;
  /** Working days the handling deadline was extended by. */
  extensionDays: number;
  redactedFields: RedactableField[];
  /** Clocks the closing cut short, each breached or exempt with its reason. */
  clocksCutShort: ClockCutShort[];
}

export interface Milestones {
  notAcceptedAt: string | null;
  withdrawnAt: string | null;
  filedAt: string | null;
  notifiedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  revokedAt: string | null;
}

export interface ComplaintProjection {
  id: string;
  number: string;
  status: ComplaintStatus;
  category: Category | null;
  subCategory: string | null;
  grade: Grade | null;
  /** Where the grade came from: the intake payload, the suggestion rule, or a later complaint.graded. */
  gradeSource: 'payload' | 'suggested' | 'graded' | null;
  branchId: string;
  assigneeId: string | null;
  escalationLevel: EscalationLevel;
  deadlines: Deadlines;
  createdAt: string | null;
  receivedAt: string | null;
  updatedAt: string;
  eventCount: number;
  channel: Channel | null;
  complainant: ComplaintCreatedPayload['complainant'] | null;
  incident: NonNullable<ComplaintCreatedPayload['incident']> | null;
  respondent: NonNullable<ComplaintCreatedPayload['respondent']> | null;
  description: string | null;
  demands: string | null;
  /** Serial of the call being taken at intake. */
  callSerial: string | null;
  /** Serial of the complained-about call (its recording is the one reviewed). */
  complainedSerial: string | null;
  notAcceptedReason: string | null;
  soothing: (SoothingRecordedPayload & { eventId: string; at: string }) | null;
  workOrderSubject: string | null;
  callbacks: {
    scheduledAt: string | null;
    /** The customer asked to be called later: the agreed time and when the lead noted it. */
    lateRequest: { at: string; notedAt: string } | null;
    attempts: CallbackAttempt[];
    midCourseNote: (CallbackMidCourseNotePayload & { eventId: string; actorId: string; at: string }) | null;
  };
  escalations: EscalationRecord[];
  finding: Finding | null;
  investigations: number;
  resolution: (ResolutionRecordedPayload & { eventId: string; actorId: string; at: string }) | null;
  refunds: RefundRecord[];
  /** The last time the complainant was told anything (progress or result). */
  customerNotifiedAt: string | null;
  /** When the complainant was told the result after the resolution, as the policy requires: stops the written-result clock. */
  resultNotifiedAt: string | null;
  /** The last progress feedback (a progress notification or a callback that reached the customer). */
  progressNotifiedAt: string | null;
  /** Why the result was not told, recorded at closing. */
  resultNotToldReason: string | null;
  survey: { score: number; scale: 5 | 10 } | null;
  notes: { eventId: string; actorId: string; at: string; text: string; dismisses?: string }[];
  flags: Flags;
  milestones: Milestones;
  timeline: TimelineEntry[];
  lastHlc: string;
  /**
   * The folded events in (HLC, id) order, without server fields: the input
   * that lets a late event land in its place. Not for display; a response
   * that must not carry it uses withoutEvents().
   */
  events: EventEnvelope[];
}

/** What a fresh projection looks like before any event is applied. */
export function emptyProjection(complaintId: string, branchId: string): ComplaintProjection {
  return {
    id: complaintId,
    number: '',
    status: 'incomplete',
    category: null,
    subCategory: null,
    grade: null,
    gradeSource: null,
    branchId,
    assigneeId: null,
    escalationLevel: 0,
    deadlines: {},
    createdAt: null,
    receivedAt: null,
    updatedAt: '',
    eventCount: 0,
    channel: null,
    complainant: null,
    incident: null,
    respondent: null,
    description: null,
    demands: null,
    callSerial: null,
    complainedSerial: null,
    notAcceptedReason: null,
    soothing: null,
    workOrderSubject: null,
    callbacks: { scheduledAt: null, lateRequest: null, attempts: [], midCourseNote: null },
    escalations: [],
    finding: null,
    investigations: 0,
    resolution: null,
    refunds: [],
    customerNotifiedAt: null,
    resultNotifiedAt: null,
    progressNotifiedAt: null,
    resultNotToldReason: null,
    survey: null,
    notes: [],
    flags: {
      acceptanceFailed: [],
      registeredLate: false,
      filedWithoutSoothing: false,
      secondResolution: null,
      secondResolutionReasons: [],
      urgedCount: 0,
      urgedBeforeNote: false,
      callbackUnreachable: false,
      callbackSpacingViolated: false,
      callbackAcceptanceAskedTooOften: false,
      callbackApologyCallsExceeded: false,
      midCourseNoteFalse: false,
      review: null,
      assessmentWithdrawn: false,
      reopenedCount: 0,
      extensionDays: 0,
      redactedFields: [],
      clocksCutShort: [],
    },
    milestones: {
      notAcceptedAt: null,
      withdrawnAt: null,
      filedAt: null,
      notifiedAt: null,
      resolvedAt: null,
      closedAt: null,
      revokedAt: null,
    },
    timeline: [],
    lastHlc: '',
    events: [],
  };
}

/** The projection without its internal event list (for responses and reports). */
export function withoutEvents(p: ComplaintProjection): Omit<ComplaintProjection, 'events'> {
  const { events: _events, ...rest } = p;
  return rest;
}

/**
 * A projection to run one more step on, without touching `p`: the objects
 * and arrays steps write to are copied (arrays as lists of references, so
 * the cost is a pointer copy, not a clone); the rest, entries included, is
 * shared, and steps replace shared parts instead of editing them. Treat
 * projections as values.
 *
 * `timeline` and `events` are still `p`'s own lists: steps only read them,
 * and the caller replaces them with longer copies, never pushes to them.
 *
 * Written out field by field (not spread): one object shape for every
 * draft keeps a long run of steps on the fast path, and anything a store
 * added that is not a projection field is left behind, as a fold would.
 */
export function draftOf(p: ComplaintProjection): ComplaintProjection {
  const draft: Required<ComplaintProjection> = {
    id: p.id,
    number: p.number,
    status: p.status,
    category: p.category,
    subCategory: p.subCategory,
    grade: p.grade,
    gradeSource: p.gradeSource,
    branchId: p.branchId,
    assigneeId: p.assigneeId,
    escalationLevel: p.escalationLevel,
    deadlines: p.deadlines,
    createdAt: p.createdAt,
    receivedAt: p.receivedAt,
    updatedAt: p.updatedAt,
    eventCount: p.eventCount,
    channel: p.channel,
    complainant: p.complainant,
    incident: p.incident,
    respondent: p.respondent,
    description: p.description,
    demands: p.demands,
    callSerial: p.callSerial,
    // A projection stored before the field existed has none.
    complainedSerial: p.complainedSerial ?? null,
    notAcceptedReason: p.notAcceptedReason,
    soothing: p.soothing,
    workOrderSubject: p.workOrderSubject,
    callbacks: {
      scheduledAt: p.callbacks.scheduledAt,
      // A projection stored before the field existed has none.
      lateRequest: p.callbacks.lateRequest ?? null,
      attempts: p.callbacks.attempts.slice(),
      midCourseNote: p.callbacks.midCourseNote,
    },
    escalations: p.escalations.slice(),
    finding: p.finding,
    investigations: p.investigations,
    resolution: p.resolution,
    refunds: p.refunds.slice(),
    customerNotifiedAt: p.customerNotifiedAt,
    // Projections stored before these fields existed have none.
    resultNotifiedAt: p.resultNotifiedAt ?? null,
    progressNotifiedAt: p.progressNotifiedAt ?? null,
    resultNotToldReason: p.resultNotToldReason ?? null,
    survey: p.survey,
    notes: p.notes.slice(),
    flags: draftFlags(p.flags),
    milestones: { ...p.milestones },
    timeline: p.timeline,
    lastHlc: p.lastHlc,
    events: p.events,
  };
  return draft;
}

function draftFlags(f: Flags): Required<Flags> {
  return {
    // Projections stored before the field existed have none.
    acceptanceFailed: f.acceptanceFailed ?? [],
    registeredLate: f.registeredLate ?? false,
    filedWithoutSoothing: f.filedWithoutSoothing,
    secondResolution: f.secondResolution,
    secondResolutionReasons: f.secondResolutionReasons.slice(),
    urgedCount: f.urgedCount,
    urgedBeforeNote: f.urgedBeforeNote,
    callbackUnreachable: f.callbackUnreachable,
    callbackSpacingViolated: f.callbackSpacingViolated,
    callbackAcceptanceAskedTooOften: f.callbackAcceptanceAskedTooOften ?? false,
    callbackApologyCallsExceeded: f.callbackApologyCallsExceeded ?? false,
    midCourseNoteFalse: f.midCourseNoteFalse ?? false,
    review: f.review,
    assessmentWithdrawn: f.assessmentWithdrawn,
    reopenedCount: f.reopenedCount,
    extensionDays: f.extensionDays,
    redactedFields: f.redactedFields,
    clocksCutShort: (f.clocksCutShort ?? []).slice(),
  };
}
