import { failedAcceptanceConditions } from '../../rules/acceptance-conditions';
import { gradeSuggestion } from '../../rules/grade-suggestion';
import { handlerLevelForGrade } from '../../rules/escalation-ladder';
import { registrationDelay } from '../../rules/registration';
import type { Grade } from '../../events/fields';
import type { ComplaintProjection } from '../projection';
import { APPLIED, invalid, notNow, superseded, type Step } from './verdict';

export const complaintCreated: Step<'complaint.created'> = (p, e, ctx) => {
  if (p.status !== 'incomplete') return superseded('The complaint was already created by an earlier event');
  const x = e.payload;
  // A repeat (grade 4) needs other complaints to see; intake writes the grade
  // it suggested into the payload, so this fallback only covers old clients.
  const grade: Grade =
    (x.grade as Grade | undefined) ??
    gradeSuggestion({ description: x.description, demands: x.demands, customerType: x.complainant.customerType, isRepeat: false }, ctx.policy).grade;
  p.id = e.complaintId;
  p.number = x.number;
  p.status = 'registered';
  p.category = x.category;
  p.subCategory = x.subCategory ?? null;
  p.grade = grade;
  p.gradeSource = x.grade === undefined ? 'suggested' : 'payload';
  p.branchId = e.branchId;
  p.escalationLevel = handlerLevelForGrade(ctx.policy, grade);
  p.createdAt = e.occurredAt;
  p.receivedAt = x.receivedAt;
  // Every deadline counts from receipt; registration itself is timed against it.
  p.flags.registeredLate = registrationDelay(x.receivedAt, e.occurredAt, ctx.policy)?.late ?? false;
  p.channel = x.channel;
  p.complainant = { ...x.complainant };
  p.incident = { ...(x.incident ?? {}) };
  p.respondent = { ...(x.respondent ?? {}) };
  p.description = x.description;
  p.demands = x.demands ?? null;
  p.callSerial = x.callSerial ?? null;
  p.complainedSerial = x.complainedSerial ?? null;
  // Flagged, not refused: the agent decides, and may register it as not accepted.
  p.flags.acceptanceFailed = failedAcceptanceConditions({ respondent: x.respondent ?? null, description: x.description, phone: x.complainant.phone });
  return APPLIED;
};

export const complaintNotAccepted: Step<'complaint.not_accepted'> = (p, e) => {
  if (p.status === 'not_accepted') return superseded('Already registered as not accepted');
  if (p.status !== 'registered') return notNow(p.status, 'Registering as not accepted');
  p.status = 'not_accepted';
  p.notAcceptedReason = e.payload.reason;
  p.milestones.notAcceptedAt = e.occurredAt;
  return APPLIED;
};

export const soothingRecorded: Step<'soothing.recorded'> = (p, e) => {
  if (p.status === 'withdrawn') return superseded('The customer had already withdrawn');
  if (p.status !== 'registered') return notNow(p.status, 'Soothing (an intake step)');
  p.soothing = { ...e.payload, eventId: e.id, at: e.occurredAt };
  if (e.payload.outcome !== 'not_accepted') {
    p.status = 'withdrawn';
    p.milestones.withdrawnAt = e.occurredAt;
  }
  return APPLIED;
};

export const withdrawalReversed: Step<'withdrawal.reversed'> = (p) => {
  if (p.status !== 'withdrawn') {
    const last = p.timeline.findLast((t) => t.state === 'applied' && (t.type === 'withdrawal.reversed' || t.type === 'soothing.recorded'));
    if (last?.type === 'withdrawal.reversed' && p.status === 'registered') return superseded('The withdrawal was already reversed');
    return notNow(p.status, 'Reversing a withdrawal');
  }
  // Back to intake: the soothing record stays as history; the next outcome is recorded anew.
  p.status = 'registered';
  p.milestones.withdrawnAt = null;
  return APPLIED;
};

export const noteAdded: Step<'note.added'> = (p, e) => {
  if (p.status === 'closed') return invalid('A closed complaint is archived; reopen it to add notes');
  const note: ComplaintProjection['notes'][number] = { eventId: e.id, actorId: e.actorId, at: e.occurredAt, text: e.payload.text };
  // Absent rather than undefined, so projections folded before the field existed stay equal.
  if (e.payload.dismisses) note.dismisses = e.payload.dismisses;
  p.notes.push(note);
  return APPLIED;
};
