import { useDataStore } from '../data/context';
import { eventState$, type EventState } from '../data/live/event-state';
import { useObservable } from './use-observable';

const MISSING: EventState = { sync: 'missing', type: null };

/** Live: whether an event written here is only saved here, confirmed by the server, or refused. */
export function useEventState(eventId: string | null): EventState {
  const store = useDataStore();
  return useObservable(() => (store && eventId ? eventState$(store, eventId) : null), MISSING, [store, eventId]);
}
