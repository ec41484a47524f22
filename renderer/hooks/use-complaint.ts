import { useDataStore } from '../data/context';
import { complaint$ } from '../data/live/complaint';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { useObservable } from './use-observable';

export interface UseComplaint {
  complaint: ComplaintProjection | null;
  loading: boolean;
}

const LOADING: UseComplaint = { complaint: null, loading: true };

export function useComplaint(id: string | null): UseComplaint {
  const store = useDataStore();
  return useObservable(
    () => (store && id ? complaint$(store, id) : null),
    id ? LOADING : { complaint: null, loading: false },
    [store, id],
  );
}
