import type { ScreenId } from '../state/ui-store';

/**
 * Screens that never open a complaint beside them (reports, the access log,
 * erasure, settings): they take the whole width instead of leaving an empty
 * right-hand panel.
 */
const WIDE: readonly ScreenId[] = ['reports', 'accessLog', 'erasure', 'settings'];

export function usesSidePanel(screen: ScreenId): boolean {
  return !WIDE.includes(screen);
}
