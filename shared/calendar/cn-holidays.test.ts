import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { addCalendarDays, defaultCalendar, isWorkingDay } from './calendar';
import {
  CN_CALENDAR_FIRST_YEAR,
  CN_CALENDAR_LAST_YEAR,
  CN_MAKEUP_WORKDAYS,
  CN_OFFICIAL_YEARS,
  CN_PROVISIONAL_YEARS,
} from './cn-holidays';

describe('the national holiday table', () => {
  it('covers 2025 to 2027 at least', () => {
    expect(CN_CALENDAR_FIRST_YEAR).toBeLessThanOrEqual(2025);
    expect(CN_CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2027);
    expect([...CN_OFFICIAL_YEARS, ...CN_PROVISIONAL_YEARS].sort()).toEqual(
      Array.from({ length: CN_CALENDAR_LAST_YEAR - CN_CALENDAR_FIRST_YEAR + 1 }, (_, i) => CN_CALENDAR_FIRST_YEAR + i),
    );
  });

  it('agrees with chinese-days on every day of the official years', () => {
    const cal = defaultCalendar();
    for (const year of CN_OFFICIAL_YEARS) {
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
        expect(isWorkingDay(cal, d), d).toBe(chineseDays.isWorkday(d));
      }
    }
  });

  it('holds make-up days on weekends only', () => {
    for (const d of CN_MAKEUP_WORKDAYS) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(dow === 0 || dow === 6, d).toBe(true);
    }
  });
});
