import { describe, expect, it } from 'vitest';
import { longFrameSummary } from './long-frames';

describe('longFrameSummary', () => {
  it('sums script time by invoker, largest first, and keeps the longest frame', () => {
    const s = longFrameSummary([
      { startMs: 0, durationMs: 120, blockingMs: 70, scripts: [{ invoker: 'event-listener IDBRequest.onsuccess', durationMs: 90 }, { invoker: 'resolve-promise Promise.then', durationMs: 20 }] },
      { startMs: 200, durationMs: 60, blockingMs: 10, scripts: [{ invoker: 'event-listener IDBRequest.onsuccess', durationMs: 40 }] },
    ]);
    expect(s.count).toBe(2);
    expect(s.maxMs).toBe(120);
    expect(s.blockingMs).toBe(80);
    expect(s.invokers[0]).toEqual({ invoker: 'event-listener IDBRequest.onsuccess', durationMs: 130, scripts: 2 });
    expect(s.invokers[1]?.invoker).toBe('resolve-promise Promise.then');
  });

  it('groups one call site whatever the offset in its name', () => {
    const s = longFrameSummary([{ startMs: 0, durationMs: 80, blockingMs: 30, scripts: [{ invoker: 'user-callback a.js:1234', durationMs: 10 }, { invoker: 'user-callback a.js:99', durationMs: 5 }] }]);
    expect(s.invokers).toEqual([{ invoker: 'user-callback a.js:#', durationMs: 15, scripts: 2 }]);
    expect(longFrameSummary([]).maxMs).toBe(0);
  });
});
