import { useDataStore } from '../data/context';
import { outbox$ } from '../data/live/outbox';
import type { OutboxRow } from '../data/types/sync';
import { useObservable } from './use-observable';

/** The outbox: what waits for the server and, behind a hub, whether central has confirmed the user's own events. */
export function useOutbox(): OutboxRow[] {
  const store = useDataStore();
  return useObservable(() => (store ? outbox$(store) : null), [], [store]);
}
