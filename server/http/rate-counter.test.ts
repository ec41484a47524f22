import { describe, expect, it } from 'vitest';
import { slidingWaitMs } from './rate-counter';

const W = 60_000;

describe('a sliding window limit read from two fixed windows', () => {
  it('allows while the weighted count stays below the limit', () => {
    expect(slidingWaitMs(0, 4, 5, 10_000, W)).toBe(0);
    // 6 last window, half of it still inside the span: 3 + 1 < 5.
    expect(slidingWaitMs(6, 1, 5, 30_000, W)).toBe(0);
  });

  it('waits until the previous window has weighed out enough', () => {
    // 8 last window, 1 now, 15 s in: 8·0.75 + 1 = 7 ≥ 5; below 5 once 8·(1 − f) < 4, at f = 0.5.
    const wait = slidingWaitMs(8, 1, 5, 15_000, W);
    expect(wait).toBeGreaterThan(15_000 - 10);
    expect(wait).toBeLessThan(15_000 + 10);
    expect(slidingWaitMs(8, 1, 5, 15_000 + wait, W)).toBe(0);
  });

  it('after a burst in this window, waits past its end until the burst weighs less than the limit', () => {
    const wait = slidingWaitMs(0, 5, 5, 20_000, W);
    // 40 s to the end of the window, then 5·(1 − f) < 5 at any f > 0.
    expect(wait).toBeGreaterThanOrEqual(40_000);
    expect(wait).toBeLessThan(41_000);
    const twice = slidingWaitMs(0, 10, 5, 20_000, W);
    expect(twice).toBeGreaterThanOrEqual(40_000 + 30_000);
  });
});
