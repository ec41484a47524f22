import { useEffect } from 'react';
import { screenPopFromQuery, type ScreenPop } from '../../shared/platform/screen-pop';
import { useDraftStore } from '../state/intake-draft-store';
import { draftForCall } from '../state/screen-pop-draft';
import { useUiStore } from '../state/ui-store';
import { getPlatform } from '../platform';

const CALL_ROUTE = '#/call';

/**
 * A call from the phone system opens intake for it: the route
 * `#/call?ani=…&serial=…` (the browser build, and the desktop shell after it
 * reads its `hotline-desk://` link). The link is validated by the shared
 * parser; a bad one opens plain intake and fills nothing. Must run before the
 * shell's landing, which would otherwise replace the address.
 */
export function useScreenPop(userId: string): void {
  useEffect(() => {
    const take = (pop: ScreenPop | null) => {
      if (pop) useDraftStore.getState().update(userId, (d) => draftForCall(d, pop, new Date().toISOString()));
      useUiStore.getState().go('new');
    };
    const fromAddress = () => {
      const hash = window.location.hash;
      if (hash !== CALL_ROUTE && !hash.startsWith(`${CALL_ROUTE}?`)) return;
      window.history.replaceState(null, '', '#/new');
      take(screenPopFromQuery(hash.slice(CALL_ROUTE.length)));
    };
    fromAddress();
    window.addEventListener('hashchange', fromAddress);
    // The desktop app's hotline-desk:// link, sent by the main process; validated again here.
    const off = getPlatform().onScreenPop((query) => take(screenPopFromQuery(query)));
    return () => {
      window.removeEventListener('hashchange', fromAddress);
      off();
    };
  }, [userId]);
}
