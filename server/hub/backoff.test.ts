import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles after each failure up to the cap', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffMs(n, 500, 4000, none))).toEqual([500, 500, 1000, 2000, 4000, 4000]);
  });

  it('takes up to a fifth off at random, never more', () => {
    expect(backoffMs(3, 500, 4000, () => 0.999)).toBeGreaterThanOrEqual(1600);
    expect(backoffMs(3, 500, 4000, () => 0.999)).toBeLessThan(2000);
  });
});
