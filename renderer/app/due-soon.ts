import type { DeadlineClock } from '../../shared/deadlines/clocks';
import { DEADLINE_CLOCKS } from '../../shared/deadlines/clocks';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { Policy } from '../../shared/policy/policy';
import { warningWindowMs } from '../../shared/policy/policy';
import { deadlineStatus, type DeadlineStatus } from '../components/deadline-status';
import { isOpen } from './complaint-actions';

export interface DueSoon {
  complaint: ComplaintProjection;
  clock: DeadlineClock;
  status: DeadlineStatus;
}

/**
 * Open complaints with a clock inside its warning window but not yet breached:
 * the moment a notification can still help.
 */
export function dueSoon(complaints: readonly ComplaintProjection[], nowMs: number, policy: Policy): DueSoon[] {
  const out: DueSoon[] = [];
  for (const complaint of complaints) {
    if (!isOpen(complaint.status)) continue;
    for (const clock of DEADLINE_CLOCKS) {
      const due = complaint.deadlines[clock];
      if (!due) continue;
      const status = deadlineStatus(due, nowMs, warningWindowMs(policy, clock));
      if (status?.tone === 'amber') out.push({ complaint, clock, status });
    }
  }
  return out;
}

/** The nearest deadline of a complaint, for sorting and the queue's badge. */
export function nearestDeadline(c: ComplaintProjection): { clock: DeadlineClock; due: string } | null {
  let best: { clock: DeadlineClock; due: string } | null = null;
  for (const clock of DEADLINE_CLOCKS) {
    const due = c.deadlines[clock];
    if (due && (!best || Date.parse(due) < Date.parse(best.due))) best = { clock, due };
  }
  return best;
}
