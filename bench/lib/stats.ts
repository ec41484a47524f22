/** Percentile by linear interpolation between closest ranks (p in [0, 100]). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    // A loop, not Math.min(...samples): spreading 300,000 latencies (1,000 stream clients) overflows the stack.
    min: samples.length ? samples.reduce((a, b) => (b < a ? b : a)) : Number.NaN,
    max: samples.length ? samples.reduce((a, b) => (b > a ? b : a)) : Number.NaN,
  };
}
