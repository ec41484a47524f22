import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../shared/hlc/hlc';
import { loadHlcState } from './hlc-state';
import { localMeta } from './local-meta';
import { openDatabase } from './db';
import { memoryStorage, uniqueName } from './test-support';

const NODE = '0123456789abcdef';
const T0 = Date.UTC(2026, 11, 6, 5, 0, 0);
const SKEW = 5 * 60_000;

async function meta() {
  const db = await openDatabase({ name: uniqueName('hlc'), storage: memoryStorage() });
  return { meta: localMeta(db.local), close: () => db.close() };
}

const wallOf = (stamp: string) => parseHlc(stamp).wallMs;

describe('the workstation clock keeps within the skew bound', () => {
  it('a wall clock a year ahead stamps at the server time once a pull told it', async () => {
    const m = await meta();
    const hlc = await loadHlcState(m.meta, NODE);
    const wrongNow = T0 + 365 * 86_400_000;
    hlc.observeServerTime(T0, wrongNow);
    const stamp = await hlc.stamp(wrongNow, SKEW);
    expect(wallOf(stamp)).toBe(T0);
    await m.close();
  });

  it('a clock saved far ahead (9999) is pulled back within the bound after a restart', async () => {
    const m = await meta();
    const first = await loadHlcState(m.meta, NODE);
    await first.stamp(Date.UTC(9999, 11, 31), SKEW);
    await first.flush();
    const again = await loadHlcState(m.meta, NODE);
    const stamp = await again.stamp(T0, SKEW);
    expect(wallOf(stamp)).toBeLessThanOrEqual(T0 + SKEW);
    await m.close();
  });

  it('a remote stamp too far ahead of the server-corrected time is not followed', async () => {
    const m = await meta();
    const hlc = await loadHlcState(m.meta, NODE);
    const wrongNow = T0 + 86_400_000;
    hlc.observeServerTime(T0, wrongNow);
    // Within the bound of the wrong wall clock, a day beyond the server's.
    hlc.observe(formatHlc({ wallMs: wrongNow, counter: 0, node: 'ffffffffffffffff' }), wrongNow, SKEW);
    const stamp = await hlc.stamp(wrongNow, SKEW);
    expect(wallOf(stamp)).toBeLessThanOrEqual(T0 + SKEW);
    await m.close();
  });

  it('stays monotonic across stamps and merges within the bound', async () => {
    const m = await meta();
    const hlc = await loadHlcState(m.meta, NODE);
    const a = await hlc.stamp(T0, SKEW);
    hlc.observe(formatHlc({ wallMs: T0 + 60_000, counter: 3, node: 'ffffffffffffffff' }), T0, SKEW);
    const b = await hlc.stamp(T0 - 30_000, SKEW);
    expect(a < b).toBe(true);
    expect(b > formatHlc({ wallMs: T0 + 60_000, counter: 3, node: 'ffffffffffffffff' })).toBe(true);
    await m.close();
  });
});
