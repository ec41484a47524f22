import type { RejectReason } from '../events/envelope';

/** The reason code that is no refusal (see `REJECT.acceptedThenMoved`): workstations show it as accepted by central. */
export const ACCEPTED_THEN_MOVED = 'accepted_then_moved';

/**
 * The rejection reasons of the sync protocol (`reason` of a rejected event),
 * beyond validateEvent's `schema` / `unknown_type`: the server gives them,
 * workstations translate them by `code` (never by message).
 */
export const REJECT = {
  tooDeep: (): RejectReason => ({ code: 'schema', message: `The event is nested too deeply to be read` }),
  unstorableText: (): RejectReason => ({
    code: 'schema',
    message: 'Invalid event: a text contains a NUL character or a broken surrogate pair',
  }),
  roleNotAllowed: (role: string, type: string): RejectReason => ({
    code: 'role_not_allowed',
    message: `The role ${role} may not write ${type} events`,
  }),
  actorMismatch: (): RejectReason => ({
    code: 'actor_mismatch',
    message: 'The event names another person as its author than the signed-in user',
  }),
  actorNotInBranch: (): RejectReason => ({
    code: 'actor_mismatch',
    message: "The event's author is not a user of the branch hub that relayed it",
  }),
  outOfScope: (): RejectReason => ({
    code: 'out_of_scope',
    message: 'The complaint belongs to a branch outside your scope',
  }),
  unknownBranch: (): RejectReason => ({ code: 'unknown_branch', message: 'The event names a branch that does not exist' }),
  branchMismatch: (named: string, actual: string): RejectReason => ({
    code: 'branch_mismatch',
    message: `The event names branch ${named}, but the complaint was in branch ${actual} when the event was stamped: write it again on the complaint as it is now`,
  }),
  unknownComplaint: (): RejectReason => ({
    code: 'unknown_complaint',
    message: 'The complaint this event belongs to is not known to the server (its complaint.created event must come first)',
  }),
  illegalState: (why: string | undefined): RejectReason => ({
    code: 'illegal_state',
    message: why ? `Not allowed in the complaint's current state: ${why}` : "Not allowed in the complaint's current state",
  }),
  clockAhead: (aheadMs: number, maxSkewMs: number): RejectReason => ({
    code: 'clock_ahead',
    message: `The event is stamped ${describeMs(aheadMs)} ahead of the server's clock (at most ${describeMs(maxSkewMs)} allowed): set this workstation's date, time and time zone right, then make the change again`,
  }),
  dateOutOfRange: (field: string, bound: 'past' | 'ahead', limit: string): RejectReason => ({
    code: 'date_out_of_range',
    message:
      bound === 'past'
        ? `${field} lies further back than the policy allows (${limit}): correct the date, then make the change again`
        : `${field} lies further ahead than the policy allows (${limit}): correct the date or this workstation's clock, then make the change again`,
  }),
  /**
   * Not a refusal: a branch hub's word to the author of an event it had
   * refused and central then accepted, on a complaint that has since left
   * the branch (the hub keeps none of it; the new branch holds it).
   */
  acceptedThenMoved: (): RejectReason => ({
    code: ACCEPTED_THEN_MOVED,
    message: 'Accepted by the central server after the branch hub had refused it; the complaint has since moved to another branch, which holds it now',
  }),
  duplicateId: (): RejectReason => ({
    code: 'duplicate_id',
    message: 'Another event already has this id; write the event again with a new id',
  }),
} as const;

function describeMs(ms: number): string {
  if (ms >= 86_400_000) return `${Math.floor(ms / 86_400_000)} d`;
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)} h`;
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min`;
  return `${Math.ceil(ms / 1000)} s`;
}
