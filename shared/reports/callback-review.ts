import { callbackNorm } from '../rules/assessment-exemption';
import { midCourseNoteFalse } from '../rules/mid-course-note';
import type { ComplaintProjection } from '../fold/projection';
import type { Role } from '../roles';
import { notifiedParties } from './attribution';
import type { CallbackReview, Directory } from './types';

function actorOf(p: ComplaintProjection, eventId: string): string | null {
  return p.timeline.find((t) => t.eventId === eventId)?.actorId ?? null;
}

/**
 * The 中途意见 contradicts the record: no attempt reached the customer, its
 * callback serial is not a call that reached the customer, it reports an
 * acceptance that call did not get, or it
 * calls the complaint unfounded where the investigation found it established.
 */
export function noteContradictsRecord(p: ComplaintProjection): boolean {
  const note = p.callbacks.midCourseNote;
  if (note === null) return false;
  if (midCourseNoteFalse(note, p.callbacks.attempts)) return true;
  return !note.complaintFounded && (p.finding === 'established' || p.finding === 'partially');
}

/**
 * Who made the 二解 callback and whether it followed the norm. The caller is
 * whoever made the call the customer accepted on (else the last call that
 * reached them, else the first attempt, else who wrote the note). An acting
 * lead or B角 counts as the lead: the team's registered lead, or a person the
 * officer notified as the lead. Null when no callback was made.
 */
export function reviewCallback(p: ComplaintProjection, teamId: string | null, directory: Directory): CallbackReview | null {
  const attempts = p.callbacks.attempts;
  const note = p.callbacks.midCourseNote;
  if (attempts.length === 0 && note === null) return null;
  const reached = attempts.filter((a) => a.reached);
  const decisive = reached.find((a) => a.customerAccepted === true) ?? reached.at(-1) ?? attempts[0];
  const callerId = (decisive ? actorOf(p, decisive.eventId) : null) ?? note?.actorId ?? '';
  const user = directory.users.find((u) => u.id === callerId);
  const team = teamId === null ? undefined : directory.teams.find((t) => t.id === teamId);
  const actingAsLead = (!!team?.leadId && team.leadId === callerId) || notifiedParties(p).leadIds.includes(callerId);
  // The 二解 is done when the mid-course note is written, not at the first attempt.
  const calledAt = note?.at ?? null;
  const dueAt = p.deadlines.callback ?? null;
  const deadlineMissed =
    calledAt !== null && dueAt !== null
      ? Date.parse(calledAt) > Date.parse(dueAt)
      : p.escalations.some((e) => e.reason === 'breach' && e.clock === 'callback');
  const callerRole = (user?.role ?? 'unknown') as Role;
  const norm = callbackNorm({
    callerRole,
    callerActingAsLead: actingAsLead,
    noteFalse: noteContradictsRecord(p),
    deadlineMissed,
    spacingViolated: p.flags.callbackSpacingViolated,
    // Projections stored before these flags existed have none.
    acceptanceAskedTooOften: p.flags.callbackAcceptanceAskedTooOften ?? false,
    apologyCallsExceeded: p.flags.callbackApologyCallsExceeded ?? false,
  });
  return {
    callerId,
    callerRole,
    callerActingAsLead: actingAsLead,
    calledAt,
    dueAt,
    followed: norm.followed,
    reasons: norm.reasons,
  };
}
