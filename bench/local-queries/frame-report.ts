/** Frames of a scroll: their intervals, how many a 60 Hz display dropped, and frames with blank rows. */
export interface FrameReport {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Vsyncs missed: an interval of k × 16.7 ms stands for k − 1 dropped frames (rounded, with half a frame of slack). */
  dropped: number;
  /** Frames in which a row inside the viewport still showed its placeholder. */
  blankFrames: number;
  scrolledPx: number;
}

export const FRAME_MS = 1000 / 60;

export function frameReport(deltas: readonly number[], blanks: readonly number[], scrolledPx: number): FrameReport {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] as number) : Number.NaN);
  return {
    frames: deltas.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    dropped: deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0),
    blankFrames: blanks.filter((b) => b > 0).length,
    scrolledPx,
  };
}
