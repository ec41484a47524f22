import type { DeadlineClock } from '../../shared/deadlines/clocks';
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
 * The clocks still running for a complaint in its state. Every complaint has
 * an acceptance-review and an initial-verification deadline from receipt, but
 * once it is past them they no longer say anything about what to do next.
 */
export function runningClocks(c: ComplaintProjection): DeadlineClock[] {
  switch (c.status) {
    case 'registered':
      return ['acceptanceReview', 'handling'];
    case 'filed':
    case 'in_progress':
      return ['handling'];
    case 'callback_pending':
      return ['callback', 'handling'];
    case 'resolved':
      return [
        ...(c.customerNotifiedAt === null ? (['writtenResult'] as const) : []),
        ...(c.survey === null ? (['survey'] as const) : []),
      ];
    default:
      return [];
  }
}

/**
 * Open complaints with a clock inside its warning window but not yet breached:
 * the moment a notification can still help.
 */
export function dueSoon(complaints: readonly ComplaintProjection[], nowMs: number, policy: Policy): DueSoon[] {
  const out: DueSoon[] = [];
  for (const complaint of complaints) {
    if (!isOpen(complaint.status)) continue;
    for (const clock of runningClocks(complaint)) {
      const due = complaint.deadlines[clock];
      if (!due) continue;
      const status = deadlineStatus(due, nowMs, warningWindowMs(policy, clock));
      if (status?.tone === 'amber') out.push({ complaint, clock, status });
    }
  }
  return out;
}

/** The nearest running deadline of a complaint, for the queue's badge. */
export function nearestDeadline(c: ComplaintProjection): { clock: DeadlineClock; due: string } | null {
  let best: { clock: DeadlineClock; due: string } | null = null;
  for (const clock of runningClocks(c)) {
    const due = c.deadlines[clock];
    if (due && (!best || Date.parse(due) < Date.parse(best.due))) best = { clock, due };
  }
  return best;
}
