import { DEADLINE_CLOCKS, type DeadlineClock } from '../../shared/deadlines/clocks';
import type { ComplaintProjection } from '../../shared/fold/projection';

const ENDED = new Set(['not_accepted', 'withdrawn', 'closed', 'revoked']);

/**
 * Whether a clock still runs: a clock stops when the step it times happened,
 * and every clock stops when the complaint has ended.
 */
export function clockRunning(p: ComplaintProjection, clock: DeadlineClock): boolean {
  if (p.status === 'incomplete' || ENDED.has(p.status)) return false;
  const m = p.milestones;
  switch (clock) {
    case 'acceptanceReview':
    case 'initialVerification':
      return m.filedAt === null && m.notifiedAt === null && m.resolvedAt === null;
    case 'handling':
      return m.resolvedAt === null;
    case 'callback':
      return p.callbacks.attempts.length === 0 && p.callbacks.midCourseNote === null;
    case 'writtenResult':
      return p.customerNotifiedAt === null;
    case 'survey':
      return p.survey === null;
  }
}

export interface RunningClock {
  clock: DeadlineClock;
  due: string;
}

export function runningClocks(p: ComplaintProjection): RunningClock[] {
  const out: RunningClock[] = [];
  for (const clock of DEADLINE_CLOCKS) {
    const due = p.deadlines[clock];
    if (typeof due === 'string' && clockRunning(p, clock)) out.push({ clock, due });
  }
  return out;
}

function hasBreachEscalation(p: ComplaintProjection, clock: DeadlineClock): boolean {
  return p.escalations.some((e) => e.reason === 'breach' && e.clock === clock);
}

function earliest(list: RunningClock[]): string | null {
  let best: number | null = null;
  for (const c of list) {
    const t = Date.parse(c.due);
    if (Number.isFinite(t) && (best === null || t < best)) best = t;
  }
  return best === null ? null : new Date(best).toISOString();
}

/** The two due times the complaints table indexes: any running clock, and running clocks not yet escalated. */
export function dueTimes(p: ComplaintProjection): { nextDue: string | null; watchDue: string | null } {
  const running = runningClocks(p);
  return { nextDue: earliest(running), watchDue: earliest(running.filter((c) => !hasBreachEscalation(p, c.clock))) };
}

/** Clocks past due at `nowMs` that no breach escalation covers yet. */
export function breachedUnescalated(p: ComplaintProjection, nowMs: number): DeadlineClock[] {
  return runningClocks(p)
    .filter((c) => Date.parse(c.due) <= nowMs && !hasBreachEscalation(p, c.clock))
    .map((c) => c.clock);
}
