import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('reads flags with and without values', () => {
    const a = parseBenchArgs(['--quick', '--runs', '3', '--only=sync,pg']);
    expect(a.quick).toBe(true);
    expect(a.runs).toBe(3);
    expect(a.only).toEqual(['sync', 'pg']);
  });

  it('defaults to the full run', () => {
    const a = parseBenchArgs([]);
    expect(a.quick).toBe(process.env.BENCH_QUICK === '1');
    expect(a.runs).toBeUndefined();
    expect(a.only).toEqual([]);
  });
});
