import type { ComplaintProjection } from '../../shared/fold/projection';
import { useDataStore } from '../data/context';
import { allComplaints$ } from '../data/live/all-complaints';
import { useObservable } from './use-observable';

const LOADING = { complaints: [] as ComplaintProjection[], loading: true };

/** Every complaint folded on this workstation, live (the reports' data). */
export function useAllComplaints(): { complaints: ComplaintProjection[]; loading: boolean } {
  const store = useDataStore();
  return useObservable(() => (store ? allComplaints$(store) : null), LOADING, [store]);
}
