/**
 * Which of a branch hub's verdicts on its workstations' events wait for
 * central's. The hub decides with what it knows: the complaint as far as
 * it has heard (central may hold events it has not pulled yet, and fold
 * the same event as legal), the directory and the clock as last synced.
 * Those refusals are provisional and go up with the accepted events, so
 * central's verdict is the final one and no write is lost to a hub that
 * was behind. Refusals about the push itself stay at the hub: an event it
 * could not read, and one whose author is not who signed in at the hub or
 * whose id another event holds, which central has no way to judge (it
 * never saw who signed in) and must never see as the author's.
 */
const FINAL_AT_HUB: ReadonlySet<string> = new Set(['schema', 'unknown_type', 'actor_mismatch', 'duplicate_id']);

/** Whether an event the hub decided, accepted (`null`) or refused with this reason code, is relayed to central. */
export function relaysUp(reasonCode: string | null): boolean {
  return reasonCode === null || !FINAL_AT_HUB.has(reasonCode);
}
