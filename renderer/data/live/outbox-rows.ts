import { compareEvents } from '../../../shared/fold/order';
import type { EventSyncState, HubLinkState, OutboxRow, PendingEvent } from '../types/sync';
import { eventSyncState } from './event-sync-state';

/** How many of the user's own events central has confirmed stay listed, newest first, so the change of state is seen. */
export const RECENTLY_CONFIRMED = 10;

const rank: Record<EventSyncState, number> = { pending: 0, at_hub: 1, central: 2, synced: 3, rejected: 4 };

/**
 * The outbox's rows. Without a hub: the events the server has not
 * acknowledged (saved here only). Behind a hub, also the user's own events
 * the hub holds, each marked saved at the hub or confirmed by central as the
 * hub says central decided its feed: the waiting ones all, the confirmed ones
 * only the latest few. Waiting rows first, oldest first; then the confirmed.
 */
export function outboxRows(pending: readonly PendingEvent[], ownAtServer: readonly PendingEvent[], upstream: HubLinkState | null): OutboxRow[] {
  const rows: OutboxRow[] = pending.map((p) => ({ ...p, sync: 'pending' }));
  if (!upstream) return rows;
  const confirmed: OutboxRow[] = [];
  for (const p of ownAtServer) {
    const sync = eventSyncState('accepted', p.event.seq, upstream);
    if (sync === 'at_hub') rows.push({ ...p, sync });
    else confirmed.push({ ...p, sync });
  }
  const byHlc = (a: OutboxRow, b: OutboxRow) => compareEvents(a.event, b.event);
  rows.sort((a, b) => rank[a.sync] - rank[b.sync] || byHlc(a, b));
  confirmed.sort((a, b) => byHlc(b, a));
  return [...rows, ...confirmed.slice(0, RECENTLY_CONFIRMED)];
}
