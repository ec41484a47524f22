import { tzOffset } from '@date-fns/tz';
import type { Policy } from '../policy/policy';
import { defaultPolicy } from '../policy/policy';
import { CN_HOLIDAYS, CN_MAKEUP_WORKDAYS } from './cn-holidays';
import { BoundedCache } from './bounded-cache';

/**
 * The working-day calendar of a centre: weekends off, public holidays off,
 * 调休 make-up days on. Days are 'YYYY-MM-DD' strings in the centre's time
 * zone; instants are ISO strings. Everything here is pure, so a workstation
 * that has been offline for days computes the same deadlines as the server.
 * A calendar is a value: once made it is not changed (its answers are
 * memoised per calendar object).
 */
export interface WorkCalendar {
  /** IANA time zone of the centre. */
  readonly timeZone: string;
  /** 'HH:MM' when a working day ends and day-end deadlines fall. */
  readonly dayEnd: string;
  /** Days off even when they fall on a weekday. */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休). Wins over `holidays`. */
  readonly makeupWorkdays: ReadonlySet<string>;
}

/** A day as 'YYYY-MM-DD'. */
export type IsoDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** No calendar has this many days off in a row; past it the data is broken. */
const MAX_CONSECUTIVE_DAYS_OFF = 366;

export function makeCalendar(options: {
  timeZone: string;
  dayEnd: string;
  holidays?: Iterable<IsoDay>;
  makeupWorkdays?: Iterable<IsoDay>;
}): WorkCalendar {
  parseTimeOfDay(options.dayEnd);
  return {
    timeZone: options.timeZone,
    dayEnd: options.dayEnd,
    holidays: new Set(options.holidays ?? []),
    makeupWorkdays: new Set(options.makeupWorkdays ?? []),
  };
}

/** The national calendar in the default policy's time zone and day end. */
export function defaultCalendar(): WorkCalendar {
  return calendarFromPolicy(defaultPolicy);
}

/**
 * The national table plus the policy's overrides. An extra workday removes
 * the day from holidays as well, so an override can always turn a day on.
 */
export function calendarFromPolicy(policy: Policy): WorkCalendar {
  const extraWork = new Set(policy.calendar.extraWorkdays);
  const holidays = [...CN_HOLIDAYS, ...policy.calendar.extraHolidays].filter((d) => !extraWork.has(d));
  const extraOff = new Set(policy.calendar.extraHolidays);
  const makeup = [...CN_MAKEUP_WORKDAYS.filter((d) => !extraOff.has(d)), ...extraWork];
  return makeCalendar({ timeZone: policy.timeZone, dayEnd: policy.dayEnd, holidays, makeupWorkdays: makeup });
}

function dayToUtcMs(day: IsoDay): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a calendar day: ${day}`);
  }
  return ms;
}

function utcMsToDay(ms: number): IsoDay {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (n may be negative). */
export function addCalendarDays(day: IsoDay, n: number): IsoDay {
  return utcMsToDay(dayToUtcMs(day) + n * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function dayOfWeek(day: IsoDay): number {
  return new Date(dayToUtcMs(day)).getUTCDay();
}

export function isWeekend(day: IsoDay): boolean {
  const dow = dayOfWeek(day);
  return dow === 0 || dow === 6;
}

/**
 * Answers already worked out for one calendar object. Every entry is a pure
 * function of the calendar and its key, so a cache only saves time. The
 * calendar's fields are recorded to notice a calendar changed in place
 * against its readonly type (a new table then starts).
 */
interface CalendarMemo {
  readonly holidays: ReadonlySet<string>;
  readonly makeupWorkdays: ReadonlySet<string>;
  readonly holidayCount: number;
  readonly makeupCount: number;
  readonly timeZone: string;
  readonly dayEnd: string;
  readonly working: BoundedCache<IsoDay, boolean>;
  readonly ahead: BoundedCache<string, IsoDay>;
  readonly dayEnds: BoundedCache<IsoDay, string>;
}

/** A few years of days, and as many (day, n) pairs as live complaints use. */
const DAY_CACHE_SIZE = 8_192;
const AHEAD_CACHE_SIZE = 16_384;

const memos = new WeakMap<WorkCalendar, CalendarMemo>();

function memoOf(cal: WorkCalendar): CalendarMemo {
  const m = memos.get(cal);
  if (
    m &&
    m.holidays === cal.holidays &&
    m.makeupWorkdays === cal.makeupWorkdays &&
    m.holidayCount === cal.holidays.size &&
    m.makeupCount === cal.makeupWorkdays.size &&
    m.timeZone === cal.timeZone &&
    m.dayEnd === cal.dayEnd
  ) {
    return m;
  }
  const fresh: CalendarMemo = {
    holidays: cal.holidays,
    makeupWorkdays: cal.makeupWorkdays,
    holidayCount: cal.holidays.size,
    makeupCount: cal.makeupWorkdays.size,
    timeZone: cal.timeZone,
    dayEnd: cal.dayEnd,
    working: new BoundedCache(DAY_CACHE_SIZE),
    ahead: new BoundedCache(AHEAD_CACHE_SIZE),
    dayEnds: new BoundedCache(DAY_CACHE_SIZE),
  };
  memos.set(cal, fresh);
  return fresh;
}

function computeIsWorkingDay(cal: WorkCalendar, day: IsoDay): boolean {
  if (cal.makeupWorkdays.has(day)) {
    dayToUtcMs(day);
    return true;
  }
  if (cal.holidays.has(day)) return false;
  return !isWeekend(day);
}

export function isWorkingDay(cal: WorkCalendar, day: IsoDay): boolean {
  return memoOf(cal).working.getOrCompute(day, () => computeIsWorkingDay(cal, day));
}

/** The first working day strictly after (step 1) or before (step -1) the day at `ms`. */
function workingDayFrom(memo: CalendarMemo, cal: WorkCalendar, ms: number, step: 1 | -1): number {
  let t = ms;
  for (let i = 0; i < MAX_CONSECUTIVE_DAYS_OFF; i++) {
    t += step * DAY_MS;
    const d = utcMsToDay(t);
    if (memo.working.getOrCompute(d, () => computeIsWorkingDay(cal, d))) return t;
  }
  throw new RangeError(`no working day within a year ${step > 0 ? 'after' : 'before'} ${utcMsToDay(ms)}`);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(cal: WorkCalendar, day: IsoDay): IsoDay {
  return addWorkingDays(cal, day, 1);
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(cal: WorkCalendar, day: IsoDay): IsoDay {
  return utcMsToDay(workingDayFrom(memoOf(cal), cal, dayToUtcMs(day), -1));
}

/**
 * The nth working day after `day`, the day itself not counted (as periods
 * are counted in Chinese law). n = 0 returns `day` unchanged, so that
 * addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b).
 */
export function addWorkingDays(cal: WorkCalendar, day: IsoDay, n: number): IsoDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const memo = memoOf(cal);
  return memo.ahead.getOrCompute(`${day}|${n}`, () => {
    let t = dayToUtcMs(day);
    for (let i = 0; i < n; i++) t = workingDayFrom(memo, cal, t, 1);
    return utcMsToDay(t);
  });
}

/** Working days in (from, to]: how many working days later `to` is than `from`; negative when `to` is earlier. */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDay, to: IsoDay): number {
  const a = dayToUtcMs(from);
  const b = dayToUtcMs(to);
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let ms = a + DAY_MS; ms <= b; ms += DAY_MS) if (isWorkingDay(cal, utcMsToDay(ms))) count++;
  return count;
}

export function parseTimeOfDay(hhmm: string): { hours: number; minutes: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day (HH:MM): ${hhmm}`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

function toMs(instant: string | number | Date): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

/** Time-zone lookups are the slow part of a deadline; the same instants recur on every event of a complaint. */
const LOCAL_DAY_CACHE_SIZE = 16_384;
const localDays = new BoundedCache<string, BoundedCache<number, IsoDay>>(64);

/** The day an instant falls on in the calendar's time zone. */
export function localDay(cal: Pick<WorkCalendar, 'timeZone'>, instant: string | number | Date): IsoDay {
  const ms = toMs(instant);
  const zone = cal.timeZone;
  const days = localDays.getOrCompute(zone, () => new BoundedCache<number, IsoDay>(LOCAL_DAY_CACHE_SIZE));
  return days.getOrCompute(ms, () => utcMsToDay(ms + tzOffset(zone, new Date(ms)) * 60_000));
}


/**
 * The instant at which local wall time `hh:mm` happens on `day` in the time
 * zone. Offsets are resolved by one correction step, which is exact for
 * zones without a transition at that moment (China has had none since 1991).
 */
export function zonedInstant(timeZone: string, day: IsoDay, hhmm: string): number {
  const { hours, minutes } = parseTimeOfDay(hhmm);
  const wallAsUtc = dayToUtcMs(day) + (hours * 60 + minutes) * 60_000;
  const first = wallAsUtc - tzOffset(timeZone, new Date(wallAsUtc)) * 60_000;
  return wallAsUtc - tzOffset(timeZone, new Date(first)) * 60_000;
}

/** When `day` ends (at the calendar's day end), as an ISO string in UTC. */
export function workingDayEnd(cal: WorkCalendar, day: IsoDay): string {
  return memoOf(cal).dayEnds.getOrCompute(day, () => new Date(zonedInstant(cal.timeZone, day, cal.dayEnd)).toISOString());
}

/**
 * Day end of the nth working day after the day `from` falls on in the
 * centre's time zone: the shape of every working-day deadline.
 */
export function workingDaysDeadline(cal: WorkCalendar, from: string | number | Date, n: number): string {
  return workingDayEnd(cal, addWorkingDays(cal, localDay(cal, from), n));
}

/**
 * Day end of the nth calendar day after the day `from` falls on in the
 * centre's time zone, whatever kind of day it is: the shape of a deadline
 * for work done every day of the year (the 二解 callback, 第二天17:00前).
 */
export function calendarDaysDeadline(cal: WorkCalendar, from: string | number | Date, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar days must be a whole number ≥ 0: ${n}`);
  return workingDayEnd(cal, addCalendarDays(localDay(cal, from), n));
}
