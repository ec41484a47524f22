import { useMemo } from 'react';
import type { Policy } from '../../shared/policy/policy';
import { useUiStore } from '../state/ui-store';
import { useNow } from './use-now';
import { usePendingEvents } from './use-pending-events';
import { useReference } from './use-reference';

export interface GridContext {
  selectedId: string | null;
  onOpen(id: string): void;
  now: string;
  policy: Policy;
  /** Complaints with events not yet synced from this workstation. */
  pendingIds: ReadonlySet<string>;
}

/**
 * What every screen showing the complaint grid hands it besides its filter:
 * the open complaint and how to open one, the countdowns' clock, the policy,
 * and which complaints still wait in this workstation's outbox.
 */
export function useGridContext(): GridContext {
  const reference = useReference();
  const now = useNow(30_000);
  const pending = usePendingEvents();
  const selectedId = useUiStore((s) => s.selectedId);
  const onOpen = useUiStore((s) => s.select);
  const pendingIds = useMemo(() => new Set(pending.map((p) => p.event.complaintId)), [pending]);
  return { selectedId, onOpen, now, policy: reference.policy, pendingIds };
}
