import { useEffect, useRef } from 'react';

/**
 * Listens to keydown on the window while mounted. The handler is read from a
 * ref so callers may pass a fresh closure every render without re-binding.
 */
export function useHotkey(handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => ref.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
