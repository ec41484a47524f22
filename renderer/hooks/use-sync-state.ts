import { of } from 'rxjs';
import { useDataStore } from '../data/context';
import { INITIAL_SYNC_STATE } from '../data/sync-state';
import type { SyncState } from '../data/types/sync';
import { useObservable } from './use-observable';

export function useSyncState(): SyncState {
  const store = useDataStore();
  return useObservable(() => (store ? store.sync.state$ : of(INITIAL_SYNC_STATE)), INITIAL_SYNC_STATE, [store]);
}
