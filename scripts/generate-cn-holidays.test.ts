import { describe, expect, it } from 'vitest';
import pkg from 'chinese-days/package.json';
import { defaultCalendar, isWorkingDay } from '../shared/calendar/calendar';
import {
  CN_CALENDAR_FIRST_YEAR,
  CN_CALENDAR_LAST_YEAR,
  CN_CALENDAR_SOURCE,
  CN_HOLIDAYS,
  CN_MAKEUP_WORKDAYS,
  CN_PROVISIONAL_YEARS,
} from '../shared/calendar/cn-holidays';
import { buildTable, render, statutoryHolidays } from './generate-cn-holidays';

describe('the national holiday table generator', () => {
  it('is what the generator makes from the installed chinese-days (regenerate when this fails)', () => {
    expect(CN_CALENDAR_SOURCE).toBe(`chinese-days ${pkg.version}`);
    const table = buildTable(CN_CALENDAR_FIRST_YEAR, CN_CALENDAR_LAST_YEAR);
    expect(CN_HOLIDAYS).toEqual(table.holidays);
    expect(CN_MAKEUP_WORKDAYS).toEqual(table.makeupWorkdays);
    expect(render(table, pkg.version)).toContain("'2026-10-10'");
  });

  it('derives the statutory days off the same way the State Council did for a published year', () => {
    // 2026 is published; every statutory day must be among its days off.
    const published = new Set(CN_HOLIDAYS.filter((d) => d.startsWith('2026-')));
    for (const d of statutoryHolidays(2026)) expect(published.has(d), d).toBe(true);
  });

  it('marks the statutory days of a provisional year off', () => {
    const cal = defaultCalendar();
    for (const year of CN_PROVISIONAL_YEARS) {
      const days = statutoryHolidays(year);
      expect(days).toHaveLength(13);
      for (const d of days) expect(isWorkingDay(cal, d), d).toBe(false);
    }
    // Spring Festival 2027: the eve is 5 February, the first day 6 February.
    expect(statutoryHolidays(2027)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-08']));
  });
});
