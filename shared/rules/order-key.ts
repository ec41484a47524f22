import { HLC_PATTERN } from '../events/envelope';

/**
 * A string that sorts in time order for either an HLC stamp or an ISO
 * instant: HLC stamps begin with the UTC ISO instant, so an ISO instant
 * normalised to UTC with millis compares correctly against them.
 */
export function orderKey(stampOrIso: string): string {
  if (HLC_PATTERN.test(stampOrIso)) return stampOrIso;
  const ms = Date.parse(stampOrIso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an HLC stamp or ISO instant: ${stampOrIso}`);
  return new Date(ms).toISOString();
}
