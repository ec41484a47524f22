/** The window operations needed to bring the app to the front. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

export interface SingleInstanceDeps {
  requestLock(): boolean;
  quit(): void;
  onSecondInstance(listener: () => void): void;
  getWindow(): FocusableWindow | undefined;
}

/**
 * One instance per user: two would open the same IndexedDB and write the same
 * secret files. A second launch quits at once and the first comes to the front.
 * Returns whether this process is the one that keeps running.
 */
export function claimSingleInstance(deps: SingleInstanceDeps): boolean {
  if (!deps.requestLock()) {
    deps.quit();
    return false;
  }
  deps.onSecondInstance(() => {
    const window = deps.getWindow();
    if (window !== undefined) bringToFront(window);
  });
  return true;
}

export function bringToFront(window: FocusableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
