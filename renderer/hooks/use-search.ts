import { useDataStore } from '../data/context';
import { search$ } from '../data/live/search';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { useObservable } from './use-observable';

/**
 * Offline search by number, any 4+ digits of the phone, name, or any 2+
 * characters of the description. Empty or too short text gives [].
 */
export function useSearch(text: string, limit = 50): ComplaintProjection[] {
  const store = useDataStore();
  return useObservable(() => (store ? search$(store, text, limit) : null), [], [store, text, limit]);
}
