import { useCallback } from 'react';
import { useWorkstationStore } from '../data/context';
import type { ServerChangeResult } from '../data/server-change';
import { useObservable } from './use-observable';

export interface UseServerAddress {
  /** The address in use; null while the workstation opens. */
  current: string | null;
  /** Points the workstation at another server; the page loads again when the desktop shell asks for it. */
  change(address: string): Promise<ServerChangeResult>;
}

export function useServerAddress(): UseServerAddress {
  const workstation = useWorkstationStore();
  const current = useObservable(() => workstation?.serverUrl$ ?? null, null, [workstation]);
  const change = useCallback(
    async (address: string): Promise<ServerChangeResult> => {
      if (!workstation) return { ok: false, error: 'unavailable' };
      const result = await workstation.changeServer(address);
      // The desktop shell's Content-Security-Policy names the server: the page must load again to reach the new one.
      if (result.ok && result.reloadRequired) window.location.reload();
      return result;
    },
    [workstation],
  );
  return { current, change };
}
