import { useLayoutEffect, type RefObject } from 'react';

/**
 * A screen opens at its top: how far the last screen was scrolled belongs to
 * that screen (a long intake form), and would otherwise hide the next
 * screen's title and filters.
 */
export function useTopOnScreenChange(ref: RefObject<HTMLElement | null>, screen: string): void {
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
  }, [ref, screen]);
}
