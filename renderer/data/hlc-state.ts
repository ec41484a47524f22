import { createClock, receive, tick, type HlcClock } from '../../shared/hlc/hlc';
import type { LocalMeta } from './local-meta';

const KEY = 'hlc';

/**
 * This workstation's hybrid logical clock, kept across restarts so a stamp
 * never goes backwards even when the wall clock does.
 */
export interface HlcState {
  /** Stamps a local event (and persists the clock before returning). */
  stamp(nowMs: number): Promise<string>;
  /** Absorbs a stamp seen on an event from elsewhere; a stamp too far ahead is ignored. */
  observe(remoteStamp: string, nowMs: number, maxSkewMs?: number): void;
  current(): HlcClock;
  /** Resolves when the clock is on disk (before closing the database). */
  flush(): Promise<void>;
}

export async function loadHlcState(meta: LocalMeta, nodeId: string): Promise<HlcState> {
  const saved = await meta.get<HlcClock>(KEY);
  let clock: HlcClock = saved && saved.node === nodeId ? saved : createClock(nodeId);
  let chain: Promise<unknown> = Promise.resolve();
  let dirty = false;

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
    async stamp(nowMs) {
      const next = tick(clock, nowMs);
      clock = next.clock;
      await persist();
      return next.stamp;
    },
    observe(remoteStamp, nowMs, maxSkewMs) {
      try {
        clock = receive(clock, remoteStamp, nowMs, maxSkewMs);
        // A failed save is retried by the next stamp; stamp() itself awaits its save.
        void persist().catch(() => undefined);
      } catch (err) {
        // A stamp far ahead (HlcSkewError) or malformed: the server refuses such
        // stamps too, and our clock must not follow a broken one.
        if (!(err instanceof Error)) throw err;
      }
    },
    current: () => clock,
    flush: () => chain.then(() => undefined),
  };
}
