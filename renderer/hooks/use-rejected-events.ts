import { useDataStore } from '../data/context';
import { rejectedEvents$ } from '../data/live/outbox';
import type { RejectedEvent } from '../data/types/sync';
import { useObservable } from './use-observable';

/** "Needs attention": events the server refused, with its reason; they never vanish. */
export function useRejectedEvents(): RejectedEvent[] {
  const store = useDataStore();
  return useObservable(() => (store ? rejectedEvents$(store) : null), [], [store]);
}
