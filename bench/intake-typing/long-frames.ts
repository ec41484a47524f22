/** A frame the browser reports as long (long-animation-frame entries, 50 ms or more): what ran in it. */
export interface LongFrame {
  startMs: number;
  durationMs: number;
  blockingMs: number;
  /** The scripts that ran in it: what invoked each (an IndexedDB callback, a resolved promise, an event…) and for how long. */
  scripts: { invoker: string; durationMs: number }[];
}

export interface LongFrameSummary {
  count: number;
  maxMs: number;
  /** Sum of the frames' blocking time (what exceeded 50 ms of each task in them). */
  blockingMs: number;
  /** Script time by what invoked it, largest first. */
  invokers: { invoker: string; durationMs: number; scripts: number }[];
}

/** Digits and hex runs in an invoker name are ids of one call site (a bundle offset, an object key); grouped as one. */
const invokerKey = (invoker: string) => invoker.replace(/\b[0-9a-f]{6,}\b|\d+/gi, '#') || '(unattributed)';

export function longFrameSummary(frames: readonly LongFrame[], top = 8): LongFrameSummary {
  const by = new Map<string, { durationMs: number; scripts: number }>();
  for (const f of frames) {
    for (const s of f.scripts) {
      const k = invokerKey(s.invoker);
      const cur = by.get(k) ?? { durationMs: 0, scripts: 0 };
      cur.durationMs += s.durationMs;
      cur.scripts++;
      by.set(k, cur);
    }
  }
  return {
    count: frames.length,
    maxMs: frames.reduce((m, f) => Math.max(m, f.durationMs), 0),
    blockingMs: frames.reduce((n, f) => n + f.blockingMs, 0),
    invokers: [...by].map(([invoker, v]) => ({ invoker, ...v })).sort((a, b) => b.durationMs - a.durationMs).slice(0, top),
  };
}
