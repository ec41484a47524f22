import { addCalendarDays, zonedInstant } from '../calendar/calendar';
import type { ComplaintFacts } from './facts';
import type { ReportPeriod } from './types';

/**
 * The instant a period's backlog is read at: the end of its last day in the
 * centre's time zone, or `nowMs` while that end is still ahead (a backlog of
 * the future is not known yet).
 */
export function backlogInstant(period: ReportPeriod, timeZone: string, nowMs?: number): number {
  const end = zonedInstant(timeZone, addCalendarDays(period.to, 1), '00:00');
  return nowMs !== undefined && nowMs < end ? nowMs : end;
}

const at = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);
const byThen = (iso: string | null | undefined, atMs: number) => {
  const t = at(iso);
  return Number.isFinite(t) && t <= atMs;
};

/**
 * Whether a complaint still waited to be handled at `atMs`: received by then,
 * and by then neither resolved nor ended another way (not accepted,
 * withdrawn, revoked after 二解, closed). A complaint whose end has no
 * recorded moment is not counted as waiting.
 */
export function openAt(f: ComplaintFacts, atMs: number): boolean {
  const p = f.p;
  if (p.status === 'incomplete' || !byThen(p.receivedAt, atMs)) return false;
  const m = p.milestones;
  // A revocation ends the handling even where the assessment still counts the complaint.
  const ends = [f.resolvedAt, m.notAcceptedAt, m.withdrawnAt, p.status === 'revoked' ? m.revokedAt : f.revokedAt, m.closedAt];
  if (ends.some((e) => byThen(e, atMs))) return false;
  const endedWithoutMoment = ['not_accepted', 'withdrawn', 'revoked', 'closed'].includes(p.status) && ends.every((e) => !e);
  return !endedWithoutMoment;
}

/** Open at `atMs` and past its handling deadline then. */
export function overdueAt(f: ComplaintFacts, atMs: number): boolean {
  return openAt(f, atMs) && f.handlingDeadline !== null && at(f.handlingDeadline) < atMs;
}
