import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('computes once per key', () => {
    const cache = new BoundedCache<string, number>(10);
    let calls = 0;
    const square = (k: string) => cache.getOrCompute(k, () => (calls++, Number(k) ** 2));
    expect(square('3')).toBe(9);
    expect(square('3')).toBe(9);
    expect(calls).toBe(1);
  });

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const cache = new BoundedCache<number, number>(3);
    for (let i = 0; i < 5; i++) cache.set(i, i);
    expect(cache.size).toBe(3);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(4)).toBe(4);
  });

  it('remembers undefined results and stores nothing when the computation throws', () => {
    const cache = new BoundedCache<string, undefined>(2);
    let calls = 0;
    cache.getOrCompute('a', () => void calls++);
    cache.getOrCompute('a', () => void calls++);
    expect(calls).toBe(1);
    expect(() =>
      cache.getOrCompute('b', () => {
        throw new RangeError('no');
      }),
    ).toThrow(RangeError);
    expect(cache.size).toBe(1);
  });

  it('refuses a capacity that cannot hold anything', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
