import type { EventEnvelope } from '../events/envelope';
import type {
  CallbackMidCourseNotePayload,
  Category,
  Channel,
  ComplaintCreatedPayload,
  EventType,
  Finding,
  RedactableField,
  ResolutionRecordedPayload,
  SoothingRecordedPayload,
} from '../events/catalogue';
import type { Deadlines } from '../deadlines/deadlines';
import type { EscalationLevel, Grade } from '../policy/policy';
import type { SecondResolutionReason } from '../rules/second-resolution-eligibility';

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

export interface Flags {
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
  /** The officer's review decision after the callback. */
  review: 'revoked' | 'continue' | null;
  /** Revoked after soothing succeeded: the agent's assessment is withdrawn. */
  assessmentWithdrawn: boolean;
  reopenedCount: number;
  /** Working days the handling deadline was extended by. */
  extensionDays: number;
  redactedFields: RedactableField[];
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
  callSerial: string | null;
  notAcceptedReason: string | null;
  soothing: (SoothingRecordedPayload & { eventId: string; at: string }) | null;
  workOrderSubject: string | null;
  callbacks: {
    scheduledAt: string | null;
    attempts: CallbackAttempt[];
    midCourseNote: (CallbackMidCourseNotePayload & { eventId: string; actorId: string; at: string }) | null;
  };
  escalations: EscalationRecord[];
  finding: Finding | null;
  investigations: number;
  resolution: (ResolutionRecordedPayload & { eventId: string; actorId: string; at: string }) | null;
  refunds: RefundRecord[];
  customerNotifiedAt: string | null;
  survey: { score: number; scale: 5 | 10 } | null;
  notes: { eventId: string; actorId: string; at: string; text: string }[];
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

export type KnownEventType = EventType;

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
    notAcceptedReason: null,
    soothing: null,
    workOrderSubject: null,
    callbacks: { scheduledAt: null, attempts: [], midCourseNote: null },
    escalations: [],
    finding: null,
    investigations: 0,
    resolution: null,
    refunds: [],
    customerNotifiedAt: null,
    survey: null,
    notes: [],
    flags: {
      filedWithoutSoothing: false,
      secondResolution: null,
      secondResolutionReasons: [],
      urgedCount: 0,
      urgedBeforeNote: false,
      callbackUnreachable: false,
      callbackSpacingViolated: false,
      review: null,
      assessmentWithdrawn: false,
      reopenedCount: 0,
      extensionDays: 0,
      redactedFields: [],
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
