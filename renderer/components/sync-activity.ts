import type { SyncState } from '../data/types/sync';

/**
 * What the sync is doing, in words that stay true in every combination:
 * a request in flight while the network is down is an attempt to reach the
 * server, not "syncing"; with an expired token nothing moves until the user
 * signs in again, whatever the network says.
 */
export type SyncActivity = 'syncing' | 'reconnecting' | 'paused' | null;

export function syncActivity(sync: SyncState, expired: boolean): SyncActivity {
  if (expired || sync.authExpired) return 'paused';
  if (!sync.syncing) return null;
  return sync.online ? 'syncing' : 'reconnecting';
}

/** Changes are waiting and cannot leave now: say they are safe on this computer. */
export function changesWaitLocally(sync: SyncState, expired: boolean): boolean {
  return sync.pending > 0 && (!sync.online || syncActivity(sync, expired) === 'paused');
}
