import { useDataStore } from '../data/context';
import { queue$ } from '../data/live/queue';
import type { QueueFilter, QueueResult } from '../data/types/queue';
import { useObservable } from './use-observable';

const LOADING: QueueResult = { items: [], count: 0, loading: true };

/** A live page of the queue; re-queries only when the filter's content changes. */
export function useQueue(filter: QueueFilter): QueueResult {
  const store = useDataStore();
  const key = JSON.stringify(filter);
  return useObservable(() => (store ? queue$(store, JSON.parse(key) as QueueFilter) : null), LOADING, [store, key]);
}
