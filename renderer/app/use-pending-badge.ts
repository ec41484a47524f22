import { useEffect } from 'react';
import { getPlatform } from '../platform';

/** The tray / dock badge follows the number of changes waiting to sync. */
export function usePendingBadge(pending: number): void {
  useEffect(() => {
    getPlatform()
      .setPendingCount(pending)
      .catch(() => undefined);
  }, [pending]);
}
