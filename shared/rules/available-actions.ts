import type { EventEnvelope } from '../events/envelope';
import type { EventType, PayloadOf } from '../events/catalogue';
import { makeEvent } from '../events/make-event';
import { probePayloads } from './probe-payloads';
import type { FoldContext } from '../fold/context';
import type { ComplaintProjection } from '../fold/projection';
import { wouldApply } from '../fold/would-apply';
import type { Role } from '../roles';
import { nextLevel } from './escalation-ladder';
import { canWrite, inScope } from './permissions';

/** The actions a person can take on a complaint, each writing one event type. */
export const ACTION_IDS = [
  'escalate',
  'transfer',
  'assign',
  'grade',
  'note',
  'urge',
  'fileWorkOrder',
  'notifyParties',
  'scheduleCallback',
  'callbackAttempt',
  'midCourseNote',
  'officerReview',
  'investigation',
  'resolution',
  'refund',
  'refundDecision',
  'notifyCustomer',
  'survey',
  'close',
  'reopen',
  'reverseWithdrawal',
  'extension',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionUser {
  role: Role;
  branchId: string;
}

interface ActionDef<T extends EventType = EventType> {
  event: T;
  /**
   * A typical payload for this complaint, to ask the fold whether the event
   * is legal now. The real payload is checked again before it is written.
   */
  probe?(p: ComplaintProjection): PayloadOf<T>;
  /**
   * Where the fold would take the event but it would make no sense to offer
   * it (it would record nothing useful): a narrowing, never a widening.
   */
  sensible?(p: ComplaintProjection): boolean;
}

const def = <T extends EventType>(d: ActionDef<T>): ActionDef => d as unknown as ActionDef;

/** Another branch than the complaint's: only its being different matters to the fold. */
const OTHER_BRANCH = '\u2026other';

const ACTIONS: Record<ActionId, ActionDef> = {
  escalate: def({
    event: 'complaint.escalated',
    probe: (p) => ({ fromLevel: p.escalationLevel, toLevel: nextLevel(p.escalationLevel) ?? p.escalationLevel, reason: 'request' }),
  }),
  transfer: def({ event: 'complaint.transferred', probe: (p) => ({ toBranchId: p.branchId === OTHER_BRANCH ? 'x' : OTHER_BRANCH }) }),
  assign: def({ event: 'complaint.assigned' }),
  grade: def({ event: 'complaint.graded' }),
  note: def({ event: 'note.added' }),
  // Once resolved, a call chasing progress is a note, not 催办 of the handling.
  urge: def({ event: 'customer.urged', sensible: (p) => p.status !== 'resolved' }),
  fileWorkOrder: def({ event: 'work_order.filed' }),
  notifyParties: def({ event: 'parties.notified' }),
  // The 二解 callback is over once the lead's note is written.
  scheduleCallback: def({ event: 'callback.scheduled', sensible: (p) => p.callbacks.midCourseNote === null }),
  callbackAttempt: def({ event: 'callback.attempted', sensible: (p) => p.callbacks.midCourseNote === null }),
  midCourseNote: def({ event: 'callback.mid_course_note' }),
  officerReview: def({ event: 'officer.reviewed' }),
  investigation: def({ event: 'investigation.recorded' }),
  resolution: def({ event: 'resolution.recorded' }),
  refund: def({ event: 'refund.requested' }),
  refundDecision: def({
    event: 'refund.approved',
    probe: (p) => ({ requestId: p.refunds.find((r) => r.decision === 'pending')?.requestId ?? '\u2026none' }),
  }),
  // The customer hears the result of handling, not of intake or the callback.
  notifyCustomer: def({ event: 'customer.notified', sensible: (p) => p.status === 'in_progress' || p.status === 'resolved' }),
  survey: def({ event: 'survey.recorded', probe: () => ({ score: 1 }) }),
  // Closing a resolved complaint needs the result told or the reason why not; the form asks for the reason.
  close: def({ event: 'complaint.closed', probe: (p) => ((p.resultNotifiedAt ?? null) === null ? { resultNotToldReason: '\u2026' } : {}) }),
  // A withdrawal in error is reversed back to intake, not reopened into handling.
  reopen: def({ event: 'complaint.reopened', sensible: (p) => p.status !== 'withdrawn' }),
  reverseWithdrawal: def({ event: 'withdrawal.reversed' }),
  extension: def({ event: 'extension.granted' }),
};

export function actionEvent(action: ActionId): EventType {
  return ACTIONS[action].event;
}

/** The action that writes this event type, if one does. */
export function actionForEvent(type: string): ActionId | null {
  return ACTION_IDS.find((a) => ACTIONS[a].event === type) ?? null;
}

/**
 * A complaint that has left this user's branch scope (批转 to another
 * branch): read-only here, and where it went. Null when it is in scope.
 * A branch-scoped replica only holds complaints of its branch, so one out
 * of scope was moved away after it arrived.
 */
export function transferredAway(user: ActionUser, p: ComplaintProjection): { toBranchId: string } | null {
  return inScope(user, p.branchId) ? null : { toBranchId: p.branchId };
}

export type WriteRefusal = 'role_not_allowed' | 'out_of_scope' | 'illegal_state';
export type WriteCheck = { ok: true } | { ok: false; code: WriteRefusal; why: string };

/**
 * The checks the server makes before it stores an event, made here first:
 * the role may write the type, the complaint is in the user's branch scope,
 * and the fold takes the event in the complaint's current state. The codes
 * are the server's reason codes, so one wording serves both.
 */
export function checkWrite(user: ActionUser, p: ComplaintProjection, event: EventEnvelope, ctx: FoldContext): WriteCheck {
  if (!canWrite(user.role, event.type)) {
    return { ok: false, code: 'role_not_allowed', why: `The role ${user.role} may not write ${event.type} events` };
  }
  if (!inScope(user, p.branchId)) {
    return { ok: false, code: 'out_of_scope', why: 'The complaint belongs to a branch outside your scope' };
  }
  const verdict = wouldApply(p, event, ctx);
  return verdict.state === 'applied' ? { ok: true } : { ok: false, code: 'illegal_state', why: verdict.why };
}

/** A stand-in event for asking the fold (never stored). */
function probeEvent(p: ComplaintProjection, d: ActionDef, user: ActionUser, now: string): EventEnvelope {
  const sample = probePayloads[d.event] as Record<string, unknown>;
  const payload = d.probe ? { ...sample, ...(d.probe(p) as Record<string, unknown>) } : sample;
  return makeEvent({
    id: '\u2026probe',
    type: d.event,
    complaintId: p.id,
    actorId: `\u2026${user.role}`,
    branchId: p.branchId,
    payload: payload as PayloadOf<EventType>,
    hlc: `${now.slice(0, 23)}Z-0000-0000000000000000`,
    occurredAt: now,
  });
}

/**
 * What this user may do to this complaint now: the role may write the
 * action's event, the complaint is in the user's branch scope, and the fold
 * would take the event in the complaint's current state. The permissions
 * and the fold decide; nothing here restates them.
 */
export function availableActions(user: ActionUser, p: ComplaintProjection, ctx: FoldContext, now: string): Set<ActionId> {
  const out = new Set<ActionId>();
  if (!inScope(user, p.branchId)) return out;
  for (const id of ACTION_IDS) {
    const d = ACTIONS[id];
    if (!canWrite(user.role, d.event)) continue;
    if (d.sensible && !d.sensible(p)) continue;
    if (wouldApply(p, probeEvent(p, d, user, now), ctx).state === 'applied') out.add(id);
  }
  return out;
}
