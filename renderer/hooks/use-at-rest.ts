import { useWorkstationStore } from '../data/context';
import { atRestState, type AtRestState } from '../data/crypto/at-rest';

/**
 * How this workstation's replicas are kept at rest; fixed while the app runs.
 * Read from the workstation, not the user's store, so Settings says it also
 * when the user's replica was refused for want of its key.
 */
export function useAtRest(): AtRestState | null {
  const workstation = useWorkstationStore();
  return workstation ? atRestState(workstation.atRest) : null;
}
