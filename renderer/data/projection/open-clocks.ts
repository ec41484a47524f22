import { DEADLINE_CLOCKS, type DeadlineClock } from '../../../shared/deadlines/clocks';
import type { ComplaintProjection } from '../../../shared/fold/projection';

/**
 * Which clocks still run. These rules must match the server's (it writes
 * breach escalations for complaints nobody has open, with the same ids), so
 * they follow its definition exactly; they belong in shared/ once moved there.
 */
const ENDED = new Set<string>(['not_accepted', 'withdrawn', 'closed', 'revoked']);

export function isFinished(status: string): boolean {
  return ENDED.has(status);
}

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
    default:
      return false;
  }
}

/** Running clocks with their due time (ISO, UTC), nearest first. */
export function openClocks(p: ComplaintProjection): { clock: DeadlineClock; at: string }[] {
  const out: { clock: DeadlineClock; at: string }[] = [];
  for (const clock of DEADLINE_CLOCKS) {
    const raw = p.deadlines[clock];
    if (typeof raw !== 'string' || !clockRunning(p, clock)) continue;
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) out.push({ clock, at: new Date(ms).toISOString() });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function hasBreachEscalation(p: ComplaintProjection, clock: string): boolean {
  return p.escalations.some((e) => e.reason === 'breach' && e.clock === clock);
}

/** Clocks past due at `nowMs` that no breach escalation covers yet. */
export function breachedUnescalated(p: ComplaintProjection, nowMs: number): DeadlineClock[] {
  return openClocks(p)
    .filter((c) => Date.parse(c.at) <= nowMs && !hasBreachEscalation(p, c.clock))
    .map((c) => c.clock);
}
