import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { formatHash, parseHash } from './route';

/**
 * Mirrors the screen and the open complaint in the address, so a reload (or
 * a crash and restart) comes back to the same place and Back works.
 */
export function useHashRoute(): void {
  useEffect(() => {
    const apply = () => {
      const route = parseHash(window.location.hash);
      if (!route) return;
      const s = useUiStore.getState();
      if (s.screen !== route.screen) s.go(route.screen);
      if (s.selectedId !== route.complaintId) s.select(route.complaintId);
    };
    apply();
    window.addEventListener('hashchange', apply);
    const unsubscribe = useUiStore.subscribe((s) => {
      const hash = formatHash({ screen: s.screen, complaintId: s.selectedId });
      if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    });
    return () => {
      window.removeEventListener('hashchange', apply);
      unsubscribe();
    };
  }, []);
}
