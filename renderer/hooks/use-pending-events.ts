import { useDataStore } from '../data/context';
import { pendingEvents$ } from '../data/live/outbox';
import type { PendingEvent } from '../data/types/sync';
import { useObservable } from './use-observable';

/** The outbox: local events the server has not acknowledged yet, oldest first. */
export function usePendingEvents(): PendingEvent[] {
  const store = useDataStore();
  return useObservable(() => (store ? pendingEvents$(store) : null), [], [store]);
}
