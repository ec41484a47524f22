import { describe, expect, it } from 'vitest';
import { checkPeriod, inPeriod, monthOf } from './period';

describe('report periods', () => {
  it('accepts two real days in order', () => {
    expect(checkPeriod('2026-11-01', '2026-11-30')).toEqual({ ok: true, period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(checkPeriod('2026-11-30', '2026-11-01').ok).toBe(false);
    expect(checkPeriod('2026-02-30', '2026-03-01').ok).toBe(false);
    expect(checkPeriod('2026-11-01', undefined).ok).toBe(false);
    expect(checkPeriod('2000-01-01', '2026-01-01').ok).toBe(false);
  });

  it('places instants by their day in the centre time zone', () => {
    const nov = { from: '2026-11-01', to: '2026-11-30' };
    expect(inPeriod('2026-10-31T16:00:00.000Z', nov, 'Asia/Shanghai')).toBe(true);
    expect(inPeriod('2026-10-31T15:59:59.999Z', nov, 'Asia/Shanghai')).toBe(false);
    expect(inPeriod('2026-11-30T16:00:00.000Z', nov, 'Asia/Shanghai')).toBe(false);
    expect(inPeriod(null, nov, 'Asia/Shanghai')).toBe(false);
  });

  it('gives a whole month', () => {
    expect(monthOf('2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
