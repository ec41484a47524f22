/**
 * The pause before the next attempt after `failures` failed ones in a row:
 * doubling from `baseMs` up to `maxMs`, with up to a fifth taken off at
 * random so the hubs of many branches do not all call back at once when
 * central returns.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  if (failures <= 0) return baseMs;
  const full = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.max(1, Math.round(full * (1 - 0.2 * random())));
}
