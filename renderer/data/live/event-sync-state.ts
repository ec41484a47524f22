import type { LocalEventStatus } from '../schema/events-schema';
import type { EventSyncState, HubLinkState } from '../types/sync';

/**
 * An event's state on this workstation, as the timeline marks it. Behind a
 * branch hub, an accepted event is confirmed by central only when the hub
 * says central decided everything up to its seq; before that it is only
 * saved at the hub (the UI never claims more than is true).
 */
export function eventSyncState(status: LocalEventStatus, seq: number | undefined, upstream: HubLinkState | null): EventSyncState {
  if (status === 'pending') return 'pending';
  if (status === 'rejected') return 'rejected';
  if (!upstream) return 'synced';
  return seq !== undefined && seq <= upstream.confirmedThrough ? 'central' : 'at_hub';
}
