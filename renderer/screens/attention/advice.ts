import { ACCEPTED_THEN_MOVED } from '../../../shared/protocol/reasons';
export type Advice = 'forbidden' | 'transferred' | 'invalid' | 'conflict' | 'unknown' | 'skew' | 'clockAhead' | 'default';

/**
 * What the user can do about a rejection, by the server's reason code and,
 * where the code alone misleads, the complaint as this workstation sees it
 * now: a change refused because the complaint was transferred away is not
 * for the lead to redo, the other branch handles it.
 */
export function adviceFor(code: string, now: { transferredAway?: boolean } = {}): Advice {
  if (code === 'out_of_scope' && now.transferredAway) return 'transferred';
  // Accepted by central after the hub refused it, the complaint gone since: nothing to redo, the other branch has it.
  if (code === ACCEPTED_THEN_MOVED) return 'transferred';
  switch (code) {
    case 'role_not_allowed':
    case 'out_of_scope':
    case 'actor_mismatch':
    case 'forbidden':
      return 'forbidden';
    case 'schema':
    case 'bad_request':
    case 'unknown_type':
    case 'too_large':
    case 'custom':
    case 'invalid':
    case 'date_out_of_range':
      return 'invalid';
    case 'illegal_state':
    case 'duplicate_id':
    case 'branch_mismatch':
    case 'conflict':
      return 'conflict';
    case 'unknown_complaint':
    case 'unknown_branch':
      return 'unknown';
    case 'clock_ahead':
      return 'clockAhead';
    case 'hlc_skew':
    case 'clock_skew':
      return 'skew';
    default:
      return code.includes('skew') ? 'skew' : 'default';
  }
}
