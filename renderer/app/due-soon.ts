import type { DeadlineClock } from '../../shared/deadlines/clocks';
import { clocksDueSoon, runningClocks } from '../../shared/deadlines/running-clocks';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { Policy } from '../../shared/policy/policy';
import { warningWindowMs } from '../../shared/policy/policy';
import { deadlineStatus, type DeadlineStatus } from '../components/deadline-status';

export interface DueSoon {
  complaint: ComplaintProjection;
  clock: DeadlineClock;
  status: DeadlineStatus;
}

/**
 * Running clocks inside their warning window but not yet breached: the
 * moment a notification can still help. Which clocks run is the shared
 * rule (shared/deadlines/running-clocks.ts), the same one the breach
 * watchers escalate by, so a reminder never names a clock they ignore.
 */
export function dueSoon(complaints: readonly ComplaintProjection[], nowMs: number, policy: Policy): DueSoon[] {
  const nowIso = new Date(nowMs).toISOString();
  const out: DueSoon[] = [];
  for (const complaint of complaints) {
    for (const { clock, due } of clocksDueSoon(complaint, nowIso, policy)) {
      const status = deadlineStatus(due, nowMs, warningWindowMs(policy, clock));
      if (status) out.push({ complaint, clock, status });
    }
  }
  return out;
}

/** The nearest running deadline of a complaint, for the queue's badge. */
export function nearestDeadline(c: ComplaintProjection): { clock: DeadlineClock; due: string } | null {
  return runningClocks(c)[0] ?? null;
}
