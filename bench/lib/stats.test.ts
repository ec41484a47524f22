import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from './stats';
import { renderTable } from './table';

describe('percentile', () => {
  it('interpolates between ranks', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(median(xs)).toBe(5.5);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile(xs, 95)).toBeCloseTo(9.55, 10);
  });

  it('does not depend on input order', () => {
    expect(percentile([9, 1, 5], 50)).toBe(5);
  });

  it('summarizes an empty sample as NaN rather than zero', () => {
    expect(Number.isNaN(summarize([]).median)).toBe(true);
  });
});

describe('renderTable', () => {
  it('aligns columns and formats numbers', () => {
    const out = renderTable(['case', 'ms', 'n'], [['a', 1.234, 40], ['long name', 12345.6, 3]]);
    expect(out.split('\n')).toEqual([
      '| case      | ms     | n   |',
      '| --------- | ------ | --- |',
      '| a         | 1.2    | 40  |',
      '| long name | 12,346 | 3   |',
    ]);
  });

  it('summarizes a million samples (a spread of them overflows the stack)', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i % 1000);
    const s = summarize(many);
    expect(s.min).toBe(0);
    expect(s.max).toBe(999);
  });
});
