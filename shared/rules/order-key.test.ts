import { describe, expect, it } from 'vitest';
import { orderKey } from './order-key';

describe('ordering HLC stamps and ISO instants together', () => {
  it('keeps HLC stamps and normalises ISO instants to UTC', () => {
    const hlc = '2026-11-23T03:01:09.123Z-0000-9f86d081884c7d65';
    expect(orderKey(hlc)).toBe(hlc);
    expect(orderKey('2026-11-23T11:01:09.123+08:00')).toBe('2026-11-23T03:01:09.123Z');
  });

  it('sorts in time order across both forms', () => {
    const keys = ['2026-11-23T03:01:09.124Z', '2026-11-23T03:01:09.123Z-0001-9f86d081884c7d65', '2026-11-23T11:01:09+08:00'].map(orderKey);
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[0]]);
  });

  it('refuses anything else', () => {
    expect(() => orderKey('tomorrow')).toThrow(RangeError);
  });
});
