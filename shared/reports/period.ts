import { localDay } from '../calendar/calendar';
import { isoDaySchema } from '../policy/policy';
import type { ReportPeriod } from './types';

/** The longest period a report covers: keeps a request from folding years of data by accident. */
export const MAX_PERIOD_DAYS = 3660;

export type PeriodCheck = { ok: true; period: ReportPeriod } | { ok: false; message: string };

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** A period from untrusted input: two valid days, in order, not absurdly long. */
export function checkPeriod(from: unknown, to: unknown): PeriodCheck {
  const f = isoDaySchema.safeParse(from);
  const t = isoDaySchema.safeParse(to);
  if (!f.success || !t.success) return { ok: false, message: 'from and to are days as YYYY-MM-DD' };
  const a = dayMs(f.data);
  const b = dayMs(t.data);
  if (!Number.isFinite(a) || !Number.isFinite(b) || new Date(a).toISOString().slice(0, 10) !== f.data || new Date(b).toISOString().slice(0, 10) !== t.data) {
    return { ok: false, message: 'from and to must be real calendar days' };
  }
  if (b < a) return { ok: false, message: 'from must not be after to' };
  if ((b - a) / 86_400_000 > MAX_PERIOD_DAYS) return { ok: false, message: `a report covers at most ${MAX_PERIOD_DAYS} days` };
  return { ok: true, period: { from: f.data, to: t.data } };
}

/** Whether an instant falls on a day of the period, days taken in the centre's time zone. */
export function inPeriod(instant: string | null | undefined, period: ReportPeriod, timeZone: string): boolean {
  if (!instant || !Number.isFinite(Date.parse(instant))) return false;
  const day = localDay({ timeZone }, instant);
  return day >= period.from && day <= period.to;
}

/** The calendar month containing a day: the screen's default period. */
export function monthOf(day: string): ReportPeriod {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
