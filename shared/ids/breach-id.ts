import { fnv1a128Hex } from './fnv1a';

/**
 * The id of the escalation written when a clock of a complaint breaches.
 * Whichever replica notices first (a workstation, or the server for
 * complaints nobody has open) writes the same id, so the copies fold to one
 * and the push of a second copy is a plain duplicate, not a new event.
 */
export function breachEventId(complaintId: string, clock: string): string {
  const label = clock.replace(/[^A-Za-z0-9]/g, '').slice(0, 24);
  // The separator cannot occur in ids, so ("ab","c") and ("a","bc") differ.
  return `breach-${label}-${fnv1a128Hex(`${complaintId}\u0000${clock}`)}`;
}
