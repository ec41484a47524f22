import { useWorkstationStore } from '../data/context';
import type { UpgradeProgress } from '../data/schema/migrate-collections';
import { useObservable } from './use-observable';

/** How far the signed-in user's replica is in a local schema upgrade, or null when none is running. */
export function useLocalUpgrade(): UpgradeProgress | null {
  const workstation = useWorkstationStore();
  return useObservable(() => workstation?.upgrade$ ?? null, null, [workstation]);
}
