import { useDataStore } from '../data/context';
import { queuePage$ } from '../data/live/queue';
import type { QueueFilter, QueuePageResult } from '../data/types/queue';
import { useObservable } from './use-observable';

/** A live page of the queue without its count, or null while it loads; re-queries only when the filter's content changes. */
export function useQueuePage(filter: QueueFilter): QueuePageResult | null {
  const store = useDataStore();
  const key = JSON.stringify(filter);
  return useObservable<QueuePageResult | null>(() => (store ? queuePage$(store, JSON.parse(key) as QueueFilter) : null), null, [store, key]);
}
