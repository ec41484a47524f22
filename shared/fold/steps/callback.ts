import { midCourseNoteFalse } from '../../rules/mid-course-note';
import { callbackAttemptAllowance } from '../../rules/callback-conduct';
import { APPLIED, invalid, notNow, superseded, type Step } from './verdict';
import { isOpenStatus } from '../open-statuses';

export const callbackScheduled: Step<'callback.scheduled'> = (p, e) => {
  if (p.status !== 'callback_pending') return notNow(p.status, 'Scheduling the 二解 callback');
  p.callbacks.scheduledAt = e.payload.at;
  // The customer's own request to be called later moves the 二解 due time (see callbackDue).
  if (e.payload.customerRequestedLate) p.callbacks.lateRequest = { at: e.payload.at, notedAt: e.occurredAt };
  return APPLIED;
};

export const callbackAttempted: Step<'callback.attempted'> = (p, e, ctx) => {
  const x = e.payload;
  const attempt = {
    at: e.occurredAt,
    reached: x.reached,
    ...(x.acceptanceAsks === undefined ? {} : { acceptanceAsks: x.acceptanceAsks }),
    ...(x.customerAskedForCall === undefined ? {} : { customerAskedForCall: x.customerAskedForCall }),
  };
  const allowance = callbackAttemptAllowance(
    { attempts: p.callbacks.attempts, unreachable: p.flags.callbackUnreachable },
    attempt,
    ctx.policy,
  );
  if (!allowance.allowed) return invalid('The callback attempts were used up; the officer handles it in the normal flow');
  if (p.status !== 'callback_pending') return notNow(p.status, 'A 二解 callback');
  const sr = ctx.policy.secondResolution;
  // Norm breaches by the caller: kept and flagged for assessment, not refused.
  if (allowance.breaches.includes('spacing_violated')) p.flags.callbackSpacingViolated = true;
  if (allowance.breaches.includes('acceptance_asked_too_often')) p.flags.callbackAcceptanceAskedTooOften = true;
  if (allowance.breaches.includes('apology_calls_exceeded')) p.flags.callbackApologyCallsExceeded = true;
  p.callbacks.attempts.push({
    eventId: e.id,
    serial: x.serial,
    ...attempt,
    ...(x.customerAccepted === undefined ? {} : { customerAccepted: x.customerAccepted }),
  });
  // A call that reached the customer is progress feedback too.
  if (x.reached) p.progressNotifiedAt = e.occurredAt;
  const unreached = p.callbacks.attempts.filter((a) => !a.reached).length;
  if (!e.payload.reached && unreached >= sr.maxCallbackAttempts && p.callbacks.midCourseNote === null) {
    p.flags.callbackUnreachable = true;
    p.status = 'in_progress';
  }
  return APPLIED;
};

export const callbackMidCourseNote: Step<'callback.mid_course_note'> = (p, e) => {
  if (p.callbacks.midCourseNote !== null) return superseded('A mid-course note was already added');
  if (p.flags.urgedBeforeNote) return invalid('The customer urged before the note, so the complaint went to the normal flow');
  if (p.status !== 'callback_pending') return notNow(p.status, 'A mid-course note');
  p.callbacks.midCourseNote = { ...e.payload, eventId: e.id, actorId: e.actorId, at: e.occurredAt };
  // Kept, and flagged: the callback staff are assessed "norm not followed" for a false note.
  p.flags.midCourseNoteFalse = midCourseNoteFalse(p.callbacks.midCourseNote, p.callbacks.attempts);
  return APPLIED;
};

export const customerUrged: Step<'customer.urged'> = (p) => {
  if (!isOpenStatus(p.status)) return notNow(p.status, 'Urging');
  p.flags.urgedCount += 1;
  if (p.status === 'callback_pending' && p.callbacks.midCourseNote === null) {
    // 催办 before the lead's note ends 二解: the officer takes the normal flow.
    p.flags.urgedBeforeNote = true;
    p.flags.secondResolution = false;
    if (!p.flags.secondResolutionReasons.includes('urged_before_note')) p.flags.secondResolutionReasons.push('urged_before_note');
    p.status = 'in_progress';
  }
  return APPLIED;
};

export const officerReviewed: Step<'officer.reviewed'> = (p, e) => {
  if (p.flags.review !== null) return superseded('The callback was already reviewed');
  if (p.status !== 'callback_pending') return notNow(p.status, 'Reviewing the callback');
  if (p.callbacks.midCourseNote === null) return invalid('The team lead has not added the mid-course note yet');
  if (e.payload.decision === 'revoked' && !p.callbacks.midCourseNote.customerAccepted) {
    return invalid('The mid-course note says the customer did not accept: the complaint cannot be revoked (无效工单)');
  }
  p.flags.review = e.payload.decision;
  if (e.payload.decision === 'revoked') {
    p.status = 'revoked';
    p.flags.assessmentWithdrawn = true;
    p.milestones.revokedAt = e.occurredAt;
  } else {
    p.status = 'in_progress';
  }
  return APPLIED;
};
