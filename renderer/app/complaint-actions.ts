import type { EventType } from '../../shared/events/catalogue';
import type { ComplaintProjection, ComplaintStatus } from '../../shared/fold/projection';
import type { Role } from '../../shared/roles';
import { canWrite } from '../../shared/rules/permissions';
import { TOP_LEVEL } from '../../shared/rules/escalation-ladder';

export type ActionId =
  | 'escalate'
  | 'transfer'
  | 'assign'
  | 'grade'
  | 'note'
  | 'urge'
  | 'fileWorkOrder'
  | 'notifyParties'
  | 'scheduleCallback'
  | 'callbackAttempt'
  | 'midCourseNote'
  | 'officerReview'
  | 'investigation'
  | 'resolution'
  | 'refund'
  | 'refundDecision'
  | 'notifyCustomer'
  | 'survey'
  | 'close'
  | 'reopen'
  | 'extension';

/** Still being handled: not closed, withdrawn, refused or revoked. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['registered', 'filed', 'callback_pending', 'in_progress', 'resolved'];

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

type Check = (c: ComplaintProjection) => boolean;

const open: Check = (c) => isOpen(c.status);
const handling: Check = (c) => ['filed', 'callback_pending', 'in_progress'].includes(c.status);

/**
 * Each action: the event it writes (the role rule of shared/rules decides who)
 * and the states of the complaint in which it makes sense. The fold and the
 * server have the last word; this only keeps pointless buttons away.
 */
const ACTIONS: Record<ActionId, { event: EventType; when: Check }> = {
  escalate: { event: 'complaint.escalated', when: (c) => open(c) && c.escalationLevel < TOP_LEVEL },
  transfer: { event: 'complaint.transferred', when: open },
  assign: { event: 'complaint.assigned', when: open },
  grade: { event: 'complaint.graded', when: open },
  note: { event: 'note.added', when: (c) => c.status !== 'incomplete' },
  urge: { event: 'customer.urged', when: (c) => open(c) && c.status !== 'resolved' },
  fileWorkOrder: { event: 'work_order.filed', when: (c) => c.status === 'registered' },
  notifyParties: { event: 'parties.notified', when: (c) => c.status === 'filed' && c.milestones.notifiedAt === null },
  scheduleCallback: {
    event: 'callback.scheduled',
    when: (c) => c.status === 'callback_pending' && c.callbacks.midCourseNote === null,
  },
  callbackAttempt: {
    event: 'callback.attempted',
    when: (c) => c.status === 'callback_pending' && c.callbacks.midCourseNote === null && !c.flags.callbackUnreachable,
  },
  midCourseNote: { event: 'callback.mid_course_note', when: (c) => c.status === 'callback_pending' && c.callbacks.midCourseNote === null },
  officerReview: {
    event: 'officer.reviewed',
    when: (c) => c.flags.review === null && (c.status === 'callback_pending' || (c.status === 'filed' && c.milestones.notifiedAt !== null)),
  },
  investigation: { event: 'investigation.recorded', when: handling },
  resolution: { event: 'resolution.recorded', when: handling },
  refund: { event: 'refund.requested', when: open },
  refundDecision: { event: 'refund.approved', when: (c) => c.refunds.some((r) => r.decision === 'pending') },
  notifyCustomer: { event: 'customer.notified', when: (c) => ['in_progress', 'resolved'].includes(c.status) },
  survey: { event: 'survey.recorded', when: (c) => ['resolved', 'closed'].includes(c.status) && c.survey === null },
  close: { event: 'complaint.closed', when: (c) => c.status === 'resolved' },
  reopen: { event: 'complaint.reopened', when: (c) => c.status === 'closed' || c.status === 'revoked' },
  extension: { event: 'extension.granted', when: (c) => open(c) && c.status !== 'resolved' },
};

export function actionEvent(action: ActionId): EventType {
  return ACTIONS[action].event;
}

/** What this role may do to this complaint in its current state. */
export function availableActions(role: Role, complaint: ComplaintProjection): Set<ActionId> {
  const out = new Set<ActionId>();
  for (const [id, spec] of Object.entries(ACTIONS) as [ActionId, (typeof ACTIONS)[ActionId]][]) {
    if (canWrite(role, spec.event) && spec.when(complaint)) out.add(id);
  }
  return out;
}
