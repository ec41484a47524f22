import { createClock, DEFAULT_MAX_SKEW_MS, receive, tick, type HlcClock } from '../../shared/hlc/hlc';
import type { LocalMeta } from './local-meta';

const KEY = 'hlc';

/**
 * This workstation's hybrid logical clock, kept across restarts so a stamp
 * never goes backwards even when the wall clock does, and never runs further
 * ahead of the server's clock than the policy's skew bound (the server refuses
 * such events), even when the wall clock is set wrong.
 */
export interface HlcState {
  /**
   * Stamps a local event (and persists the clock before returning). The stamp
   * stays within `maxSkewMs` (the policy's `sync.hlcMaxSkewMs`; the last one
   * given, else the default) of the server's clock as last learned.
   */
  stamp(nowMs: number, maxSkewMs?: number): Promise<string>;
  /** Absorbs a stamp seen on an event from elsewhere; a stamp too far ahead is ignored. */
  observe(remoteStamp: string, nowMs: number, maxSkewMs?: number): void;
  /**
   * Learns the server's clock from an answer: `serverMs` read by the server
   * before `localMs` (the local time the answer arrived), so the offset kept
   * never puts the server later than it is.
   */
  observeServerTime(serverMs: number, localMs: number): void;
  /** Server clock minus local wall clock, as last learned (0 before any answer). */
  offsetMs(): number;
  current(): HlcClock;
  /** Resolves when the clock is on disk (before closing the database). */
  flush(): Promise<void>;
}

export async function loadHlcState(meta: LocalMeta, nodeId: string): Promise<HlcState> {
  const saved = await meta.get<HlcClock>(KEY);
  let clock: HlcClock = saved && saved.node === nodeId ? saved : createClock(nodeId);
  let chain: Promise<unknown> = Promise.resolve();
  let dirty = false;
  let skew = DEFAULT_MAX_SKEW_MS;
  let offset = 0;

  const persist = () => {
    dirty = true;
    const run = chain.then(async () => {
      if (!dirty) return;
      dirty = false;
      await meta.set(KEY, clock);
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    async stamp(nowMs, maxSkewMs) {
      if (maxSkewMs !== undefined) skew = maxSkewMs;
      const next = tick(clock, nowMs, { maxSkewMs: skew, offsetMs: offset });
      clock = next.clock;
      await persist();
      return next.stamp;
    },
    observe(remoteStamp, nowMs, maxSkewMs) {
      if (maxSkewMs !== undefined) skew = maxSkewMs;
      try {
        clock = receive(clock, remoteStamp, nowMs, skew, offset);
        // A failed save is retried by the next stamp; stamp() itself awaits its save.
        void persist().catch(() => undefined);
      } catch (err) {
        // A stamp far ahead (HlcSkewError) or malformed: the server refuses such
        // stamps too, and our clock must not follow a broken one.
        if (!(err instanceof Error)) throw err;
      }
    },
    observeServerTime(serverMs, localMs) {
      if (Number.isFinite(serverMs) && Number.isFinite(localMs)) offset = Math.trunc(serverMs - localMs);
    },
    offsetMs: () => offset,
    current: () => clock,
    flush: () => chain.then(() => undefined),
  };
}
