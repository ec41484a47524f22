import { useDataStore } from '../data/context';
import { repeatCheck$ } from '../data/live/repeat-check';
import type { PriorComplaint } from '../data/types/prior-complaint';
import type { Category } from '../../shared/events/fields';
import { useObservable } from './use-observable';

/**
 * Earlier complaints from the same phone and category inside the policy's
 * repeat window: local data at once, the server's view merged in when online
 * (asked once typing pauses; offline or failing → local only, no error).
 */
export function useRepeatCheck(phone: string, category: Category | null | undefined): PriorComplaint[] {
  const store = useDataStore();
  return useObservable(
    () => (store && category ? repeatCheck$(store, phone, category) : null),
    [],
    [store, phone, category],
  );
}
