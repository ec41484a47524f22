import { useDataStore } from '../data/context';
import { timeline$ } from '../data/live/timeline';
import type { TimelineRow } from '../data/types/sync';
import { useObservable } from './use-observable';

/** The complaint's timeline in order, each entry marked pending / synced / rejected on this workstation. */
export function useTimeline(complaintId: string | null): TimelineRow[] {
  const store = useDataStore();
  return useObservable(() => (store && complaintId ? timeline$(store, complaintId) : null), [], [store, complaintId]);
}
