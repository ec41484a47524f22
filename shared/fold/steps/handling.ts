import { gradeEscalationTarget } from '../../rules/escalation-ladder';
import { secondResolutionEligibility } from '../../rules/second-resolution-eligibility';
import type { EscalationLevel, Grade } from '../../events/fields';
import { APPLIED, notNow, superseded, type Step } from './verdict';
import { isOpenStatus } from '../open-statuses';
import type { ComplaintProjection } from '../projection';

/** Contact in person or by voice, where the soothing steps are owed before filing. */
const LIVE_CHANNELS = new Set(['phone', 'walk_in']);

export const complaintClassified: Step<'complaint.classified'> = (p, e) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Classifying');
  p.category = e.payload.category;
  p.subCategory = e.payload.subCategory ?? null;
  return APPLIED;
};

export const complaintGraded: Step<'complaint.graded'> = (p, e, ctx) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Grading');
  const grade = e.payload.grade as Grade;
  p.grade = grade;
  p.gradeSource = 'graded';
  // A lower grade never lowers the level: escalation only goes up.
  p.escalationLevel = gradeEscalationTarget(ctx.policy, p.escalationLevel, grade) ?? p.escalationLevel;
  return APPLIED;
};

export const complaintAssigned: Step<'complaint.assigned'> = (p, e) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Assigning');
  p.assigneeId = e.payload.assigneeId;
  return APPLIED;
};

export const complaintEscalated: Step<'complaint.escalated'> = (p, e) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Escalating');
  const x = e.payload;
  if (x.reason === 'breach') {
    const earlier = p.escalations.find((r) => r.reason === 'breach' && r.clock === x.clock);
    if (earlier) return superseded(`The ${x.clock} clock was already escalated by an earlier event`);
  } else if (x.toLevel <= p.escalationLevel) {
    return superseded(`Already at level ${p.escalationLevel}`);
  }
  p.escalationLevel = Math.max(p.escalationLevel, x.toLevel) as EscalationLevel;
  p.escalations.push({
    eventId: e.id,
    actorId: e.actorId,
    at: e.occurredAt,
    fromLevel: x.fromLevel as EscalationLevel,
    toLevel: x.toLevel as EscalationLevel,
    reason: x.reason,
    ...(x.clock === undefined ? {} : { clock: x.clock }),
    ...(x.note === undefined ? {} : { note: x.note }),
  });
  return APPLIED;
};

export const complaintTransferred: Step<'complaint.transferred'> = (p, e) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Transferring');
  if (e.payload.toBranchId === p.branchId) return superseded('Already in that branch');
  p.branchId = e.payload.toBranchId;
  // The old branch's assignee cannot work it any more: the new branch assigns its own.
  p.assigneeId = null;
  return APPLIED;
};

function soothedBeforeFiling(p: ComplaintProjection): boolean {
  const s = p.soothing;
  // All three steps of the norm: calm the emotion, understand the cause, offer the solution.
  return s !== null && s.steps.calmed && s.steps.understood && s.steps.offeredSolution;
}

export const workOrderFiled: Step<'work_order.filed'> = (p, e) => {
  if (p.milestones.filedAt !== null && isOpenStatus(p.status)) return superseded('A work order was already filed');
  if (p.status !== 'registered') return notNow(p.status, 'Filing a work order');
  p.status = 'filed';
  p.workOrderSubject = e.payload.subject;
  p.milestones.filedAt = e.occurredAt;
  // Filing without soothing is itself a norm violation: recorded, not refused.
  p.flags.filedWithoutSoothing = LIVE_CHANNELS.has(p.channel ?? '') && !soothedBeforeFiling(p);
  return APPLIED;
};

export const partiesNotified: Step<'parties.notified'> = (p, e, ctx) => {
  if (p.flags.secondResolution !== null && isOpenStatus(p.status)) return superseded('The parties were already notified');
  if (p.status !== 'filed') return notNow(p.status, 'Notifying the agent and lead');
  const urgedAt = p.timeline.filter((t) => t.type === 'customer.urged' && t.state === 'applied').map((t) => t.hlc);
  const verdict = secondResolutionEligibility(
    {
      agentCount: Math.max(e.payload.agentIds.length, p.respondent?.agentJobNumbers?.length ?? 0),
      customerType: p.complainant?.customerType ?? 'ordinary',
      urgedAt,
      ...(p.category === null ? {} : { category: p.category }),
    },
    ctx.policy,
  );
  p.flags.secondResolution = verdict.eligible;
  p.flags.secondResolutionReasons = [...verdict.reasons];
  p.milestones.notifiedAt = e.occurredAt;
  p.status = verdict.eligible ? 'callback_pending' : 'in_progress';
  return APPLIED;
};

export const extensionGranted: Step<'extension.granted'> = (p, e) => {
  if (p.status === 'resolved' || !isOpenStatus(p.status)) return notNow(p.status, 'Extending the deadline');
  p.flags.extensionDays += e.payload.days;
  return APPLIED;
};
