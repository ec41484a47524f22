import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  addWorkingDays,
  calendarFromPolicy,
  defaultCalendar,
  isWorkingDay,
  localDay,
  makeCalendar,
  nextWorkingDay,
  previousWorkingDay,
  workingDayEnd,
  workingDaysBetween,
  workingDaysDeadline,
  zonedInstant,
} from './calendar';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const cal = defaultCalendar();

describe('working days follow the national calendar', () => {
  it('takes weekends off', () => {
    expect(isWorkingDay(cal, '2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-11-23')).toBe(true); // Monday
  });

  it('takes the National Day week off, weekdays included', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect(isWorkingDay(cal, d), d).toBe(false);
    }
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
  });

  it('counts 调休 make-up weekend days as working days', () => {
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday before Spring Festival
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true); // Sunday before National Day 2025
  });

  it('finds the next working day across a holiday', () => {
    expect(nextWorkingDay(cal, '2026-09-30')).toBe('2026-10-08');
    expect(nextWorkingDay(cal, '2026-10-09')).toBe('2026-10-10');
    expect(nextWorkingDay(cal, '2026-10-10')).toBe('2026-10-12');
    expect(previousWorkingDay(cal, '2026-10-08')).toBe('2026-09-30');
  });

  it('does not count the day of receipt (the domain example)', () => {
    expect(addWorkingDays(cal, '2026-09-30', 7)).toBe('2026-10-15');
    expect(addWorkingDays(cal, '2026-09-30', 0)).toBe('2026-09-30');
    expect(addWorkingDays(cal, '2026-10-03', 1)).toBe('2026-10-08'); // received on a holiday
  });

  it('ends a working day at 17:00 in Asia/Shanghai', () => {
    expect(workingDayEnd(cal, '2026-10-15')).toBe('2026-10-15T09:00:00.000Z');
    expect(workingDaysDeadline(cal, '2026-09-30T10:00:00+08:00', 7)).toBe('2026-10-15T09:00:00.000Z');
  });

  it('takes the day of an instant in the centre time zone, not in UTC', () => {
    // 00:30 on 1 October in Shanghai is still 30 September in UTC.
    expect(localDay(cal, '2026-09-30T16:30:00.000Z')).toBe('2026-10-01');
    expect(localDay(cal, '2026-09-30T15:59:59.999Z')).toBe('2026-09-30');
    // So a complaint received that night counts from the working day after 1 October.
    expect(workingDaysDeadline(cal, '2026-09-30T16:30:00.000Z', 1)).toBe('2026-10-08T09:00:00.000Z');
  });

  it('counts working days between two days', () => {
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-15')).toBe(7);
    expect(workingDaysBetween(cal, '2026-10-15', '2026-09-30')).toBe(-7);
    expect(workingDaysBetween(cal, '2026-10-01', '2026-10-07')).toBe(0);
  });

  it('lets the policy add days off and days on', () => {
    const parsed = parsePolicy({ calendar: { extraHolidays: ['2026-11-23'], extraWorkdays: ['2026-11-22', '2026-10-07'] } });
    if (!parsed.ok) throw new Error('policy refused');
    const c = calendarFromPolicy(parsed.policy);
    expect(isWorkingDay(c, '2026-11-23')).toBe(false);
    expect(isWorkingDay(c, '2026-11-22')).toBe(true);
    expect(isWorkingDay(c, '2026-10-07')).toBe(true);
    expect(isWorkingDay(cal, '2026-11-23')).toBe(true);
  });

  it('lets the policy turn a national 调休 day off', () => {
    const parsed = parsePolicy({ calendar: { extraHolidays: ['2026-10-10'] } });
    if (!parsed.ok) throw new Error('policy refused');
    expect(isWorkingDay(calendarFromPolicy(parsed.policy), '2026-10-10')).toBe(false);
  });

  it('follows the policy time zone and day end', () => {
    const parsed = parsePolicy({ timeZone: 'Asia/Urumqi', dayEnd: '18:30' });
    if (!parsed.ok) throw new Error('policy refused');
    const c = calendarFromPolicy(parsed.policy);
    expect(workingDayEnd(c, '2026-10-15')).toBe('2026-10-15T12:30:00.000Z');
  });

  it('refuses malformed days', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026/10/01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-10-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-10-01', 1.5)).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'UTC', dayEnd: '25:00' })).toThrow(RangeError);
  });

  it('gives up on a calendar with no working day at all', () => {
    const allOff = makeCalendar({ timeZone: 'UTC', dayEnd: '17:00', holidays: [] });
    const noWeekdays = { ...allOff, holidays: { has: () => true } as unknown as ReadonlySet<string> };
    expect(() => nextWorkingDay(noWeekdays, '2026-01-01')).toThrow(RangeError);
  });

  it('resolves wall time across a daylight-saving change', () => {
    // New York springs forward on 2026-03-08; 17:00 that day is EDT (UTC-4).
    expect(new Date(zonedInstant('America/New_York', '2026-03-08', '17:00')).toISOString()).toBe('2026-03-08T21:00:00.000Z');
    expect(new Date(zonedInstant('America/New_York', '2026-03-07', '17:00')).toISOString()).toBe('2026-03-07T22:00:00.000Z');
  });
});

// Days from 2024 to 2027, the years the table covers.
const dayArb = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addCalendarDays('2024-01-01', n));
const nArb = fc.integer({ min: 0, max: 40 });

// Random calendars too, so the properties hold beyond the national table.
const randomCalArb = fc
  .record({
    holidays: fc.uniqueArray(dayArb, { maxLength: 200 }),
    makeup: fc.uniqueArray(dayArb, { maxLength: 30 }),
  })
  .map(({ holidays, makeup }) => makeCalendar({ timeZone: 'Asia/Shanghai', dayEnd: '17:00', holidays, makeupWorkdays: makeup }));
const calArb = fc.oneof(fc.constant(cal), randomCalArb);

describe('working-day arithmetic (properties)', () => {
  it('adding working days lands on a working day', () => {
    fc.assert(fc.property(calArb, dayArb, fc.integer({ min: 1, max: 40 }), (c, d, n) => isWorkingDay(c, addWorkingDays(c, d, n))));
  });

  it('is monotonic in n and never goes back', () => {
    fc.assert(
      fc.property(calArb, dayArb, nArb, nArb, (c, d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addWorkingDays(c, d, lo);
        const y = addWorkingDays(c, d, hi);
        return x <= y && d <= x && (lo === hi || x < y);
      }),
    );
  });

  it('is monotonic in the start day', () => {
    fc.assert(
      fc.property(calArb, dayArb, dayArb, nArb, (c, d1, d2, n) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        return addWorkingDays(c, lo, n) <= addWorkingDays(c, hi, n);
      }),
    );
  });

  it('add(a + b) = add(add(a), b)', () => {
    fc.assert(
      fc.property(calArb, dayArb, nArb, nArb, (c, d, a, b) => addWorkingDays(c, d, a + b) === addWorkingDays(c, addWorkingDays(c, d, a), b)),
    );
  });

  it('counts back what it added', () => {
    fc.assert(fc.property(calArb, dayArb, nArb, (c, d, n) => workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n));
  });

  it('skips only days off on the way to the next working day', () => {
    fc.assert(
      fc.property(calArb, dayArb, (c, d) => {
        const next = nextWorkingDay(c, d);
        for (let x = addCalendarDays(d, 1); x < next; x = addCalendarDays(x, 1)) if (isWorkingDay(c, x)) return false;
        return next > d && previousWorkingDay(c, next) <= d;
      }),
    );
  });

  it('a working-day deadline is the day end of a working day, after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 10, 1) }), fc.integer({ min: 1, max: 20 }), (t, n) => {
        const due = workingDaysDeadline(cal, t, n);
        const day = localDay(cal, due);
        return isWorkingDay(cal, day) && Date.parse(due) > t && due.endsWith('T09:00:00.000Z');
      }),
    );
  });

  it('the day end of a day falls on that day in its own time zone', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Kiritimati', 'UTC'];
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...zones), fc.constantFrom('00:00', '08:30', '17:00', '23:59'), (d, tz, end) => {
        const c = makeCalendar({ timeZone: tz, dayEnd: end });
        return localDay(c, workingDayEnd(c, d)) === d;
      }),
    );
  });
});

describe('the default calendar', () => {
  it('uses the default policy time zone and day end', () => {
    expect(cal.timeZone).toBe(defaultPolicy.timeZone);
    expect(cal.dayEnd).toBe(defaultPolicy.dayEnd);
  });
});
