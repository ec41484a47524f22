import { map } from 'rxjs';
import { useDataStore } from '../data/context';
import { queueCount$ } from '../data/live/queue';
import type { QueueFilter } from '../data/types/queue';
import { useObservable } from './use-observable';

/**
 * The live count of the complaints a filter matches (paging ignored), or null
 * while it is counted: never the count of the filter before, even for the
 * moment between a filter's change and its first count.
 */
export function useQueueCount(filter: QueueFilter): number | null {
  const store = useDataStore();
  const { limit: _limit, skip: _skip, after: _after, ...matching } = filter;
  const key = JSON.stringify(matching);
  const counted = useObservable<{ key: string; count: number } | null>(
    () => (store ? queueCount$(store, JSON.parse(key) as QueueFilter).pipe(map((count) => ({ key, count }))) : null),
    null,
    [store, key],
  );
  return counted?.key === key ? counted.count : null;
}
