import { useWorkstationStore } from '../data/context';
import type { ReplicaRefusal } from '../data/store';
import { useObservable } from './use-observable';

/** Why the signed-in user's replica was refused (kept unopened), or null. */
export function useReplicaRefusal(): ReplicaRefusal | null {
  const workstation = useWorkstationStore();
  return useObservable(() => workstation?.refused$ ?? null, null, [workstation]);
}
