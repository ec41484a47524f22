import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MAX_SKEW_MS,
  HlcFormatError,
  HlcSkewError,
  MAX_COUNTER,
  compareHlc,
  createClock,
  formatHlc,
  isHlc,
  parseHlc,
  receive,
  stampCeiling,
  tick,
  type HlcClock,
} from './hlc';
import { HLC_PATTERN } from '../events/envelope';

const NODE_A = '9f86d081884c7d65';
const NODE_B = '0000000000000001';
const T0 = Date.UTC(2026, 10, 23, 3, 1, 9, 123);

const nodeArb = fc.stringMatching(/^[0-9a-f]{16}$/);
const wallArb = fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) });

describe('HLC format', () => {
  it('matches the protocol example and the envelope pattern', () => {
    const stamp = formatHlc({ wallMs: T0, counter: 0, node: NODE_A });
    expect(stamp).toBe('2026-11-23T03:01:09.123Z-0000-9f86d081884c7d65');
    expect(HLC_PATTERN.test(stamp)).toBe(true);
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(wallArb, fc.integer({ min: 0, max: MAX_COUNTER }), nodeArb, (wallMs, counter, node) => {
        const stamp = formatHlc({ wallMs, counter, node });
        expect(HLC_PATTERN.test(stamp)).toBe(true);
        expect(parseHlc(stamp)).toEqual({ wallMs, counter, node });
      }),
    );
  });

  it('sorts as a string in (wall, counter, node) order (property)', () => {
    const parts = fc.record({ wallMs: wallArb, counter: fc.integer({ min: 0, max: MAX_COUNTER }), node: nodeArb });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          a.wallMs !== b.wallMs ? Math.sign(a.wallMs - b.wallMs) : a.counter !== b.counter ? Math.sign(a.counter - b.counter) : a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
        expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(byParts);
      }),
    );
  });

  it('refuses malformed stamps and node ids', () => {
    for (const bad of ['', 'x', '2026-11-23T03:01:09.123Z-0000-9F86D081884C7D65', '2026-02-30T00:00:00.000Z-0000-9f86d081884c7d65', '2026-11-23T03:01:09Z-0000-9f86d081884c7d65']) {
      expect(() => parseHlc(bad)).toThrow(HlcFormatError);
      expect(isHlc(bad)).toBe(false);
    }
    expect(isHlc(42)).toBe(false);
    expect(() => createClock('node-1')).toThrow(HlcFormatError);
    expect(() => formatHlc({ wallMs: T0, counter: MAX_COUNTER + 1, node: NODE_A })).toThrow(HlcFormatError);
  });
});

describe('tick', () => {
  it('follows the wall clock and counts within one millisecond', () => {
    let clock = createClock(NODE_A);
    const first = tick(clock, T0);
    expect(first.stamp).toBe('2026-11-23T03:01:09.123Z-0000-9f86d081884c7d65');
    clock = first.clock;
    const second = tick(clock, T0);
    expect(second.stamp).toBe('2026-11-23T03:01:09.123Z-0001-9f86d081884c7d65');
    const third = tick(second.clock, T0 + 5);
    expect(third.stamp).toBe('2026-11-23T03:01:09.128Z-0000-9f86d081884c7d65');
  });

  it('never goes backwards when the wall clock does', () => {
    const a = tick(createClock(NODE_A), T0);
    const b = tick(a.clock, T0 - 60_000);
    expect(compareHlc(a.stamp, b.stamp)).toBe(-1);
    expect(parseHlc(b.stamp).wallMs).toBe(T0);
  });

  it('is strictly monotonic whatever the wall clock does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: T0 - 10_000, max: T0 + 10_000 }), { minLength: 1, maxLength: 200 }), (nows) => {
        let clock = createClock(NODE_A);
        let last = '';
        for (const now of nows) {
          const next = tick(clock, now);
          expect(compareHlc(last, next.stamp)).toBe(-1);
          last = next.stamp;
          clock = next.clock;
        }
      }),
    );
  });

  it('moves the logical time on by 1 ms when the counter overflows', () => {
    const full: HlcClock = { wallMs: T0, counter: MAX_COUNTER, node: NODE_A };
    const next = tick(full, T0);
    expect(next.clock).toEqual({ wallMs: T0 + 1, counter: 0, node: NODE_A });
    expect(compareHlc(formatHlc(full), next.stamp)).toBe(-1);
    const after = tick(next.clock, T0);
    expect(compareHlc(next.stamp, after.stamp)).toBe(-1);
  });
});

describe('receive', () => {
  it('makes the next local stamp sort after the remote one', () => {
    const remote = formatHlc({ wallMs: T0 + 1000, counter: 7, node: NODE_B });
    const clock = receive(createClock(NODE_A), remote, T0);
    expect(clock).toEqual({ wallMs: T0 + 1000, counter: 8, node: NODE_A });
    expect(compareHlc(remote, tick(clock, T0).stamp)).toBe(-1);
  });

  it('takes the larger counter when both sides share the wall time', () => {
    const local: HlcClock = { wallMs: T0, counter: 3, node: NODE_A };
    expect(receive(local, formatHlc({ wallMs: T0, counter: 9, node: NODE_B }), T0 - 5)).toMatchObject({ wallMs: T0, counter: 10 });
    expect(receive(local, formatHlc({ wallMs: T0, counter: 1, node: NODE_B }), T0 - 5)).toMatchObject({ wallMs: T0, counter: 4 });
    expect(receive(local, formatHlc({ wallMs: T0 - 9, counter: 50, node: NODE_B }), T0 - 5)).toMatchObject({ wallMs: T0, counter: 4 });
    expect(receive(local, formatHlc({ wallMs: T0 - 9, counter: 50, node: NODE_B }), T0 + 5)).toMatchObject({ wallMs: T0 + 5, counter: 0 });
  });

  it('overflows into the next millisecond on merge too', () => {
    const remote = formatHlc({ wallMs: T0, counter: MAX_COUNTER, node: NODE_B });
    const clock = receive(createClock(NODE_A), remote, T0);
    expect(clock).toMatchObject({ wallMs: T0 + 1, counter: 0 });
    expect(compareHlc(remote, formatHlc(clock))).toBe(-1);
  });

  it('refuses a stamp further ahead than the skew bound, default or given', () => {
    const local = createClock(NODE_A);
    const justInside = formatHlc({ wallMs: T0 + DEFAULT_MAX_SKEW_MS, counter: 0, node: NODE_B });
    const tooFar = formatHlc({ wallMs: T0 + DEFAULT_MAX_SKEW_MS + 1, counter: 0, node: NODE_B });
    expect(() => receive(local, justInside, T0)).not.toThrow();
    expect(() => receive(local, tooFar, T0)).toThrow(HlcSkewError);
    expect(() => receive(local, tooFar, T0, DEFAULT_MAX_SKEW_MS * 2)).not.toThrow();
    expect(() => receive(local, formatHlc({ wallMs: T0 + 2000, counter: 0, node: NODE_B }), T0, 1000)).toThrow(HlcSkewError);
    expect(() => receive(local, 'garbage', T0)).toThrow(HlcFormatError);
  });

  it('every replica stamps after everything it received (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: fc.integer({ min: T0 - 5000, max: T0 + 5000 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: fc.integer({ min: T0 - 5000, max: T0 + 5000 }),
        remote: fc.record({ wallMs: fc.integer({ min: T0 - 9000, max: T0 + 9000 }), counter: fc.integer({ min: 0, max: MAX_COUNTER }), node: nodeArb }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 100 }), (steps) => {
        let clock = createClock(NODE_A);
        let highest = '';
        for (const s of steps) {
          if (s.kind === 'tick') {
            const next = tick(clock, s.now);
            expect(compareHlc(highest, next.stamp)).toBe(-1);
            highest = next.stamp;
            clock = next.clock;
          } else {
            const remote = formatHlc(s.remote);
            try {
              clock = receive(clock, remote, s.now, 10_000);
              if (compareHlc(remote, highest) > 0) highest = remote;
            } catch (e) {
              expect(e).toBeInstanceOf(HlcSkewError);
            }
          }
        }
      }),
    );
  });
});

describe('the skew bound (sync.hlcMaxSkewMs)', () => {
  const FAR = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

  it('a clock carried to 9999-12-31 by a wrong wall clock stamps at most the bound ahead once the clock is right', () => {
    const wrong = tick(createClock(NODE_A), FAR, { maxSkewMs: 60_000 }).clock;
    const next = tick(wrong, T0, { maxSkewMs: 60_000 });
    expect(parseHlc(next.stamp).wallMs).toBeLessThanOrEqual(T0 + 60_000);
  });

  it('a wall clock far ahead of the server stamps near the server time once the offset is known', () => {
    const localNow = T0 + 365 * 24 * 3600_000;
    const { stamp } = tick(createClock(NODE_A), localNow, { maxSkewMs: 60_000, offsetMs: T0 - localNow });
    expect(parseHlc(stamp).wallMs).toBe(T0);
  });

  it('a remote stamp beyond the offset-corrected bound is refused', () => {
    const localNow = T0 + 3600_000;
    const remote = formatHlc({ wallMs: T0 + 2 * 60_000, counter: 0, node: NODE_B });
    expect(() => receive(createClock(NODE_A), remote, localNow, 60_000)).not.toThrow();
    expect(() => receive(createClock(NODE_A), remote, localNow, 60_000, T0 - localNow)).toThrow(HlcSkewError);
  });

  it('no stamp ever passes the ceiling, whatever the saved clock, wall clock, offset or remote stamps (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: fc.integer({ min: 0, max: FAR }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: fc.integer({ min: 0, max: FAR }),
        remote: fc.record({ wallMs: fc.integer({ min: 0, max: FAR }), counter: fc.integer({ min: 0, max: MAX_COUNTER }), node: nodeArb }),
      }),
    );
    const start = fc.record({ wallMs: fc.integer({ min: 0, max: FAR }), counter: fc.integer({ min: 0, max: MAX_COUNTER }), node: fc.constant(NODE_A) });
    const boundArb = fc.record({ maxSkewMs: fc.integer({ min: 1000, max: 7 * 24 * 3600_000 }), offsetMs: fc.integer({ min: -1e12, max: 1e12 }) });
    fc.assert(
      fc.property(start, boundArb, fc.array(step, { maxLength: 60 }), (saved, bound, steps) => {
        let clock: HlcClock = saved;
        let last = '';
        for (const s of steps) {
          // Keep the corrected time inside the stamp format's years.
          const now = Math.min(Math.max(s.now, -bound.offsetMs), FAR - bound.offsetMs - bound.maxSkewMs);
          if (s.kind === 'tick') {
            const next = tick(clock, now, bound);
            expect(parseHlc(next.stamp).wallMs).toBeLessThanOrEqual(stampCeiling(now, bound));
            // Strictly increasing while the previous stamp was within today's ceiling.
            if (last && parseHlc(last).wallMs <= stampCeiling(now, bound) - 1) expect(compareHlc(last, next.stamp)).toBe(-1);
            last = next.stamp;
            clock = next.clock;
          } else {
            try {
              clock = receive(clock, formatHlc(s.remote), now, bound.maxSkewMs, bound.offsetMs);
            } catch (e) {
              expect(e).toBeInstanceOf(HlcSkewError);
            }
          }
        }
      }),
    );
  });
});
