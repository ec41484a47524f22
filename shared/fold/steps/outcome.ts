import { refundAuthority } from '../../rules/refund-authority';
import { REDACTABLE_FIELDS } from '../../events/catalogue';
import type { ComplaintStatus } from '../projection';
import { APPLIED, invalid, notNow, superseded, type Step } from './verdict';
import { isOpenStatus } from '../open-statuses';
import { notificationKind } from '../../rules/result-feedback';
import { clocksCutShortByClosing } from '../../deadlines/cut-short';
import { deriveDeadlines } from '../derive-deadlines';

const WORKED: readonly ComplaintStatus[] = ['filed', 'callback_pending', 'in_progress'];

export const investigationRecorded: Step<'investigation.recorded'> = (p, e) => {
  if (!WORKED.includes(p.status) && p.status !== 'resolved') return notNow(p.status, 'Recording an investigation');
  p.investigations += 1;
  p.finding = e.payload.finding;
  if (p.status === 'filed') p.status = 'in_progress';
  return APPLIED;
};

export const resolutionRecorded: Step<'resolution.recorded'> = (p, e) => {
  if (p.status === 'resolved') return superseded('Already resolved by an earlier resolution');
  if (!WORKED.includes(p.status)) return notNow(p.status, 'Recording a resolution');
  p.resolution = { ...e.payload, kinds: [...e.payload.kinds], eventId: e.id, actorId: e.actorId, at: e.occurredAt };
  p.status = 'resolved';
  p.milestones.resolvedAt = e.occurredAt;
  return APPLIED;
};

export const refundRequested: Step<'refund.requested'> = (p, e, ctx) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Requesting a refund');
  p.refunds.push({
    requestId: e.id,
    amount: e.payload.amount,
    withinAuthority: refundAuthority(e.payload.amount, ctx.policy).withinAuthority,
    decision: 'pending',
  });
  return APPLIED;
};

function decideRefund(decision: 'approved' | 'denied'): Step<'refund.approved' | 'refund.denied'> {
  return (p, e) => {
    if (p.status === 'closed' || p.status === 'incomplete') return notNow(p.status, 'Deciding a refund');
    const index = p.refunds.findIndex((r) => r.requestId === e.payload.requestId);
    const request = p.refunds[index];
    if (!request) return invalid('No such refund request on this complaint');
    if (request.decision !== 'pending') return superseded(`The refund request was already ${request.decision}`);
    // Replaced, not edited: the record may be shared with the projection this one was stepped from.
    p.refunds[index] = { ...request, decision };
    return APPLIED;
  };
}
export const refundApproved = decideRefund('approved') as Step<'refund.approved'>;
export const refundDenied = decideRefund('denied') as Step<'refund.denied'>;

export const customerNotified: Step<'customer.notified'> = (p, e, ctx) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Notifying the customer');
  p.customerNotifiedAt = e.occurredAt;
  // Only the result told after the resolution (in writing where the policy says so) stops the written-result clock.
  const kind = notificationKind(e.payload, p.status === 'resolved', ctx.policy);
  if (kind === 'progress') p.progressNotifiedAt = e.occurredAt;
  else if (kind === 'result' && p.resultNotifiedAt === null) p.resultNotifiedAt = e.occurredAt;
  return APPLIED;
};

const DAY_MS = 86_400_000;

export const surveyRecorded: Step<'survey.recorded'> = (p, e, ctx) => {
  if (p.survey !== null) return superseded('A survey was already recorded');
  if (p.status !== 'resolved' && p.status !== 'closed') return notNow(p.status, 'A satisfaction survey');
  const handledAt = p.milestones.resolvedAt ?? p.milestones.closedAt;
  const days = ctx.policy.deadlines.surveyTrackingDays;
  if (handledAt !== null && Date.parse(e.occurredAt) > Date.parse(handledAt) + days * DAY_MS) {
    return invalid(`Satisfaction is tracked for ${days} days after handling ended; this survey came later`);
  }
  p.survey = { score: e.payload.score, scale: e.payload.scale ?? ctx.policy.survey.scaleMax };
  return APPLIED;
};

const CLOSABLE: readonly ComplaintStatus[] = ['resolved', 'withdrawn', 'revoked', 'not_accepted'];

export const complaintClosed: Step<'complaint.closed'> = (p, e, ctx) => {
  if (p.status === 'closed') return superseded('Already closed by an earlier event');
  if (!CLOSABLE.includes(p.status)) return notNow(p.status, 'Closing');
  const reason = e.payload.resultNotToldReason;
  if (p.status === 'resolved' && p.resultNotifiedAt === null && reason === undefined) {
    return invalid('The customer has not been told the result: tell them, or record why not, before closing');
  }
  // Every clock still running is settled here, breached or exempt with its reason, never silently stopped.
  // A replay derives deadlines only at its end, so they are derived here from the state so far.
  const settled = clocksCutShortByClosing({ ...p, deadlines: deriveDeadlines(p, ctx) }, e.occurredAt);
  p.flags.clocksCutShort = [...p.flags.clocksCutShort, ...settled];
  if (reason !== undefined && p.resultNotifiedAt === null) p.resultNotToldReason = reason;
  p.status = 'closed';
  p.milestones.closedAt = e.occurredAt;
  return APPLIED;
};

const REOPENABLE: readonly ComplaintStatus[] = ['closed', 'withdrawn', 'revoked', 'not_accepted'];
const STATUS_CHANGERS = new Set([
  'complaint.created',
  'complaint.not_accepted',
  'soothing.recorded',
  'work_order.filed',
  'parties.notified',
  'callback.attempted',
  'customer.urged',
  'officer.reviewed',
  'investigation.recorded',
  'resolution.recorded',
  'complaint.closed',
  'complaint.reopened',
  'withdrawal.reversed',
]);

export const complaintReopened: Step<'complaint.reopened'> = (p) => {
  if (!REOPENABLE.includes(p.status)) {
    const last = p.timeline.findLast((t) => t.state === 'applied' && STATUS_CHANGERS.has(t.type));
    if (last?.type === 'complaint.reopened') return superseded('Already reopened by an earlier event');
    return notNow(p.status, 'Reopening');
  }
  p.status = p.status === 'not_accepted' ? 'registered' : 'in_progress';
  p.flags.reopenedCount += 1;
  p.flags.assessmentWithdrawn = false;
  p.resolution = null;
  // The next resolution's result must be told again.
  p.resultNotifiedAt = null;
  p.resultNotToldReason = null;
  p.milestones.resolvedAt = null;
  p.milestones.closedAt = null;
  return APPLIED;
};

export const complaintRedacted: Step<'complaint.redacted'> = (p, e) => {
  const fields = new Set(e.payload.fields);
  // Parts are replaced, not edited: they may be shared with the projection this one was stepped from.
  if (p.complainant) {
    const c = { ...p.complainant };
    if (fields.has('complainant.name')) c.name = '';
    if (fields.has('complainant.phone')) c.phone = '';
    if (fields.has('complainant.address')) delete c.address;
    p.complainant = c;
  }
  if (p.incident && fields.has('incident.place')) {
    const { place: _place, ...rest } = p.incident;
    p.incident = rest;
  }
  if (fields.has('description') && p.description !== null) p.description = '';
  if (fields.has('demands') && p.demands !== null) p.demands = '';
  if (fields.has('notes')) p.notes = p.notes.map((n) => ({ ...n, text: '' }));
  const all = new Set([...p.flags.redactedFields, ...fields]);
  p.flags.redactedFields = REDACTABLE_FIELDS.filter((f) => all.has(f));
  return APPLIED;
};
