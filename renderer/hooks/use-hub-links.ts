import type { HubLink } from '../../shared/protocol/hub';
import { useDataStore } from '../data/context';
import { hubLinks$ } from '../data/live/hub-links';
import { useObservable } from './use-observable';

/** The branch hubs' links to this server (admins, directors, supervisors); null until known or when offline. */
export function useHubLinks(): HubLink[] | null {
  const store = useDataStore();
  return useObservable(() => (store ? hubLinks$(store.api) : null), null, [store]);
}
