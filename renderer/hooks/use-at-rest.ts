import { useDataStore } from '../data/context';
import { atRestState, type AtRestState } from '../data/crypto/at-rest';

/** How the signed-in user's replica is kept at rest; fixed for as long as the store is open. */
export function useAtRest(): AtRestState | null {
  const store = useDataStore();
  return store ? atRestState(store.atRest) : null;
}
