import type { ComplaintProjection, ComplaintStatus } from '../fold/projection';
import { warningWindowMs, type Policy } from '../policy/policy';
import { DEADLINE_CLOCKS, type DeadlineClock } from './clocks';

/**
 * Which deadline clocks still run, decided once for every replica: the
 * server's deadline watcher and each workstation's breach watcher write the
 * same breach escalation (same id, same payload) only if they agree on this.
 *
 * A clock runs until the step it times happened, and every clock stops once
 * the complaint has ended.
 */
export const ENDED_STATUSES: readonly ComplaintStatus[] = ['not_accepted', 'withdrawn', 'closed', 'revoked'];

export function complaintEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

export function clockRunning(p: ComplaintProjection, clock: DeadlineClock): boolean {
  if (p.status === 'incomplete' || complaintEnded(p.status)) return false;
  const m = p.milestones;
  switch (clock) {
    case 'acceptanceReview':
    case 'initialVerification':
      // Filing the work order or notifying the parties is the review and the verification.
      return m.filedAt === null && m.notifiedAt === null && m.resolvedAt === null;
    case 'handling':
      return m.resolvedAt === null;
    case 'callback':
      // The clock stops when the lead writes the mid-course note, not at the first
      // attempt; a complaint handed back to the officer (unreachable) leaves 二解.
      return p.status === 'callback_pending' && p.callbacks.midCourseNote === null;
    case 'writtenResult':
      // Only the result told after the resolution stops it, not a progress call
      // (a projection stored before resultNotifiedAt existed goes by any notification).
      return (p.resultNotifiedAt === undefined ? p.customerNotifiedAt : p.resultNotifiedAt) === null;
    case 'survey':
      return p.survey === null;
    default:
      return false;
  }
}

export interface RunningClock {
  clock: DeadlineClock;
  /** UTC ISO instant, so string order is time order whatever offset the fold wrote. */
  due: string;
}

/**
 * The running clocks that have a deadline, nearest first; clocks due at the
 * same instant keep the catalogue's order, so every replica lists (and
 * escalates) them in the same sequence.
 */
export function runningClocks(p: ComplaintProjection): RunningClock[] {
  const out: (RunningClock & { ms: number; rank: number })[] = [];
  DEADLINE_CLOCKS.forEach((clock, rank) => {
    const raw = p.deadlines[clock];
    if (typeof raw !== 'string' || !clockRunning(p, clock)) return;
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) out.push({ clock, due: new Date(ms).toISOString(), ms, rank });
  });
  out.sort((a, b) => a.ms - b.ms || a.rank - b.rank);
  return out.map(({ clock, due }) => ({ clock, due }));
}

/** The names of the running clocks, nearest first. */
export function runningClockNames(p: ComplaintProjection): DeadlineClock[] {
  return runningClocks(p).map((c) => c.clock);
}

export function hasBreachEscalation(p: ComplaintProjection, clock: DeadlineClock): boolean {
  return p.escalations.some((e) => e.reason === 'breach' && e.clock === clock);
}

function instant(nowIso: string): number {
  const ms = Date.parse(nowIso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO instant: ${nowIso}`);
  return ms;
}

/**
 * Clocks past due at `nowIso` that no breach escalation covers yet: the ones
 * a watcher escalates, in the order it escalates them.
 */
export function breachedClocks(p: ComplaintProjection, nowIso: string): DeadlineClock[] {
  const now = instant(nowIso);
  return runningClocks(p)
    .filter((c) => Date.parse(c.due) <= now && !hasBreachEscalation(p, c.clock))
    .map((c) => c.clock);
}

/**
 * Running clocks inside the policy's warning window at `nowIso` and not yet
 * breached: the moment a reminder can still help.
 */
export function clocksDueSoon(p: ComplaintProjection, nowIso: string, policy: Policy): RunningClock[] {
  const now = instant(nowIso);
  return runningClocks(p).filter((c) => {
    const left = Date.parse(c.due) - now;
    return left > 0 && left <= warningWindowMs(policy, c.clock);
  });
}

/**
 * The two due times a store indexes for a complaint: the nearest running
 * clock (overdue lists, queue order), and the nearest running clock not yet
 * escalated for its breach (what a watcher must look at next).
 */
export function dueTimes(p: ComplaintProjection): { nextDue: string | null; watchDue: string | null } {
  const running = runningClocks(p);
  return {
    nextDue: running[0]?.due ?? null,
    watchDue: running.find((c) => !hasBreachEscalation(p, c.clock))?.due ?? null,
  };
}
