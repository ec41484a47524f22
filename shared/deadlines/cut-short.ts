import type { ClockCutShort, ComplaintProjection } from '../fold/projection';
import { DEADLINE_CLOCKS } from './clocks';
import { clockRunning } from './running-clocks';

/**
 * The clocks a closing at `closedAt` cuts short: each one still running with
 * a deadline, counted as breached when it was already due and otherwise as
 * exempt with the reason closing ended it: the result not told (the reason
 * is recorded with the closing) or closed before the survey. A withdrawn,
 * revoked or not-accepted complaint has no running clock left to cut: its
 * clocks ended with it.
 */
export function clocksCutShortByClosing(p: ComplaintProjection, closedAt: string): ClockCutShort[] {
  const at = Date.parse(closedAt);
  const out: ClockCutShort[] = [];
  for (const clock of DEADLINE_CLOCKS) {
    const due = p.deadlines[clock];
    if (typeof due !== 'string' || !clockRunning(p, clock)) continue;
    const reason = clock === 'writtenResult' ? 'result_not_told' : clock === 'survey' ? 'closed_before_survey' : 'closed';
    out.push({ clock, due, outcome: Date.parse(due) <= at ? 'breached' : 'exempt', reason });
  }
  return out;
}
