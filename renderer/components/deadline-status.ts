export type DeadlineTone = 'neutral' | 'amber' | 'red';
import { localDay, workingDaysBetween, type WorkCalendar } from '../../shared/calendar/calendar';

export type DurationUnit = 'min' | 'h' | 'd' | 'wd';

export interface DeadlineStatus {
  tone: DeadlineTone;
  /** 'left' before the deadline, 'overdue' after it. */
  kind: 'left' | 'overdue';
  amount: number;
  unit: DurationUnit;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Rounds a remaining or overdue span to the coarsest unit still useful under
 * stress: minutes within the hour, hours within the day, days beyond.
 * Whole units, rounded down (never promise more time than there is), except
 * that anything overdue is at least a minute overdue: a second late is late.
 */
export function roundSpan(ms: number, overdue: boolean): { amount: number; unit: DurationUnit } {
  if (ms < HOUR) return { amount: Math.max(overdue ? 1 : 0, Math.floor(ms / MINUTE)), unit: 'min' };
  if (ms < DAY) return { amount: Math.floor(ms / HOUR), unit: 'h' };
  return { amount: Math.floor(ms / DAY), unit: 'd' };
}

/**
 * Where a deadline stands at `nowMs`: neutral with plenty of time, amber
 * within the policy's warning window, red once breached.
 */
export function deadlineStatus(dueIso: string, nowMs: number, warningMs: number): DeadlineStatus | null {
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return null;
  const remaining = due - nowMs;
  if (remaining <= 0) return { tone: 'red', kind: 'overdue', ...roundSpan(-remaining, true) };
  const tone: DeadlineTone = remaining <= warningMs ? 'amber' : 'neutral';
  return { tone, kind: 'left', ...roundSpan(remaining, false) };
}

/**
 * For a clock whose rule counts working days: a day or more left is said in
 * working days (due the next working day at day end = 1), so a weekend or a
 * holiday ahead is not counted as time to work. Less than a day, and overdue,
 * stay in hours and calendar time.
 */
export function inWorkingDays(status: DeadlineStatus, calendar: WorkCalendar, dueIso: string, nowMs: number): DeadlineStatus {
  if (status.kind !== 'left' || status.unit !== 'd') return status;
  const amount = workingDaysBetween(calendar, localDay(calendar, nowMs), localDay(calendar, dueIso));
  return { ...status, amount, unit: 'wd' };
}

/** The icon that carries the tone for those who cannot tell the colours apart. */
export function deadlineIcon(tone: DeadlineTone): string {
  return tone === 'red' ? '✖' : tone === 'amber' ? '⚠' : '○';
}
