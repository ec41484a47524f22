import { useDataStore } from '../data/context';
import { repeatCheck$ } from '../data/live/repeat-check';
import type { ComplaintProjection } from '../data/types';
import type { Category } from '../../shared/events/fields';
import { useObservable } from './use-observable';

/**
 * Earlier complaints from the same phone and category inside the policy's
 * repeat window (local data; the server's view is merged in when online).
 */
export function useRepeatCheck(phone: string, category: Category | null | undefined): ComplaintProjection[] {
  const store = useDataStore();
  return useObservable(
    () => (store && category ? repeatCheck$(store, phone, category) : null),
    [],
    [store, phone, category],
  );
}
