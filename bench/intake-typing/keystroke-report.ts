import { percentile } from '../lib/stats';

/** One frame at 60 Hz: the budget from a keystroke to its painted frame. */
export const FRAME_BUDGET_MS = 16;
/** A 60 Hz frame interval. */
export const VSYNC_MS = 1000 / 60;

export interface KeystrokeReport {
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Keystrokes whose frame came later than the budget. */
  overBudget: number;
  /** overBudget / keystrokes, 0–1. */
  overShare: number;
  /**
   * Keystrokes not shown by the first frame after them: their frame began more than one
   * vsync after the key event (a frame was rendered, or due, without them).
   */
  lateFrames: number;
}

/** Summarises per-keystroke latencies (key event → next painted frame) against the frame budget. */
export function keystrokeReport(latencies: readonly number[], toFrameBegin: readonly number[] = [], budgetMs = FRAME_BUDGET_MS): KeystrokeReport {
  const over = latencies.filter((ms) => ms > budgetMs).length;
  return {
    keystrokes: latencies.length,
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: latencies.length ? latencies.reduce((a, b) => (b > a ? b : a)) : Number.NaN,
    overBudget: over,
    overShare: latencies.length ? over / latencies.length : Number.NaN,
    lateFrames: toFrameBegin.filter((ms) => ms > VSYNC_MS).length,
  };
}

/** "12 (3.4 %)": a count and its share of the whole, as the table prints it. */
export function shareText(count: number, share: number): string {
  return Number.isFinite(share) ? `${count} (${(share * 100).toFixed(1)} %)` : 'n/a';
}
