import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './format-date';

describe('formatDateTime', () => {
  it('writes the centre-local wall time as YYYY-MM-DD HH:MM', () => {
    expect(formatDateTime('2026-11-23T09:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-23 17:00');
  });
  it('crosses the date line with the time zone', () => {
    expect(formatDateTime('2026-11-23T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24 01:30');
    expect(formatDateTime('2026-11-23T17:30:00Z', 'Europe/London')).toBe('2026-11-23 17:30');
  });
  it('shows midnight as 00, not 24', () => {
    expect(formatDateTime('2026-11-23T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-24 00:00');
  });
  it('gives nothing for missing or broken input', () => {
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('');
    expect(formatDateTime('not a date', 'Asia/Shanghai')).toBe('');
  });
  it('gives the time alone', () => {
    expect(formatTime('2026-11-23T09:05:00Z', 'Asia/Shanghai')).toBe('17:05');
  });
});
