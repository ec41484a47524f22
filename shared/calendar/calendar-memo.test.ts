import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  localDay,
  makeCalendar,
  previousWorkingDay,
  workingDayEnd,
  workingDaysDeadline,
  type WorkCalendar,
} from './calendar';

// Answers are memoised per calendar object; these hold the memo to giving the answers of a fresh calendar.
const dayArb = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addCalendarDays('2024-01-01', n));
const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'] as const;
const specArb = fc.record({
  timeZone: fc.constantFrom(...zones),
  dayEnd: fc.constantFrom('00:00', '01:30', '17:00', '23:59'),
  holidays: fc.uniqueArray(dayArb, { maxLength: 120 }),
  makeupWorkdays: fc.uniqueArray(dayArb, { maxLength: 20 }),
});
const queryArb = fc.array(fc.record({ day: dayArb, n: fc.integer({ min: 0, max: 30 }), t: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 10, 1) }) }), {
  minLength: 1,
  maxLength: 25,
});

function answers(cal: WorkCalendar, q: { day: string; n: number; t: number }) {
  return [
    isWorkingDay(cal, q.day),
    addWorkingDays(cal, q.day, q.n),
    previousWorkingDay(cal, q.day),
    workingDayEnd(cal, q.day),
    localDay(cal, q.t),
    workingDaysDeadline(cal, q.t, q.n),
  ];
}

describe('calendar memo', () => {
  it('a calendar asked many things answers as a fresh one asked once', () => {
    fc.assert(
      fc.property(specArb, queryArb, (spec, queries) => {
        const reused = makeCalendar(spec);
        const got = queries.map((q) => answers(reused, q));
        const again = queries.map((q) => answers(reused, q));
        const fresh = queries.map((q) => answers(makeCalendar(spec), q));
        expect(got).toEqual(fresh);
        expect(again).toEqual(fresh);
        // The local-day table is shared by zone, so it is checked against the zone itself.
        for (const q of queries) {
          expect(localDay(reused, q.t)).toBe(new Date(q.t + tzOffset(spec.timeZone, new Date(q.t)) * 60_000).toISOString().slice(0, 10));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps calendars apart, even with the same time zone', () => {
    const open = makeCalendar({ timeZone: 'Asia/Shanghai', dayEnd: '17:00' });
    const closed = makeCalendar({ timeZone: 'Asia/Shanghai', dayEnd: '18:00', holidays: ['2026-11-24'] });
    expect(addWorkingDays(open, '2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays(closed, '2026-11-23', 1)).toBe('2026-11-25');
    expect(workingDayEnd(open, '2026-11-24')).toBe('2026-11-24T09:00:00.000Z');
    expect(workingDayEnd(closed, '2026-11-24')).toBe('2026-11-24T10:00:00.000Z');
  });

  it('keeps time zones apart for the same instant', () => {
    const t = Date.UTC(2026, 10, 23, 20, 0);
    expect(localDay({ timeZone: 'UTC' }, t)).toBe('2026-11-23');
    expect(localDay({ timeZone: 'Asia/Shanghai' }, t)).toBe('2026-11-24');
  });

  it('starts over when a calendar is changed in place against its readonly type', () => {
    const cal = makeCalendar({ timeZone: 'Asia/Shanghai', dayEnd: '17:00' });
    expect(isWorkingDay(cal, '2026-11-24')).toBe(true);
    (cal.holidays as Set<string>).add('2026-11-24');
    expect(isWorkingDay(cal, '2026-11-24')).toBe(false);
    expect(addWorkingDays(cal, '2026-11-23', 1)).toBe('2026-11-25');
  });

  it('still refuses what it refused before', () => {
    const cal = makeCalendar({ timeZone: 'UTC', dayEnd: '17:00' });
    expect(() => addWorkingDays(cal, '2026-02-30', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-02-30', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-02-27', -1)).toThrow(RangeError);
  });
});
