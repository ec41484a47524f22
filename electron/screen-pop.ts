import { SCREEN_POP_SCHEME, screenPopFromLink, type ScreenPop } from '../shared/platform/screen-pop';

/** The operating-system calls screen-pop needs, passed in so the logic is tested without Electron. */
export interface ScreenPopDeps {
  /** app.setAsDefaultProtocolClient: registers hotline-desk:// for this app. */
  registerScheme(scheme: string): boolean;
  /** The arguments of this launch (process.argv): Windows and Linux pass the link there. */
  argv: readonly string[];
  /** app 'second-instance': a later launch's arguments, given to the running window. */
  onSecondInstance(listener: (argv: readonly string[]) => void): void;
  /** app 'open-url' (macOS): the link itself. */
  onOpenUrl(listener: (url: string) => void): void;
  /** Hands a validated call to the window (over the preload bridge), showing it. */
  deliver(pop: ScreenPop): void;
}

/** The first argument that is a valid call link; null when none is (a bad link is dropped, never passed on). */
export function callFromArgv(argv: readonly string[]): ScreenPop | null {
  for (const arg of argv) {
    if (typeof arg !== 'string' || !arg.toLowerCase().startsWith(`${SCREEN_POP_SCHEME}:`)) continue;
    return screenPopFromLink(arg);
  }
  return null;
}

/**
 * Registers the hotline-desk:// link and routes every call to the running
 * window: the link this launch was opened with, a second launch's link (the
 * single-instance lock sends its arguments here) and macOS's open-url.
 */
export function startScreenPop(deps: ScreenPopDeps): void {
  deps.registerScheme(SCREEN_POP_SCHEME);
  const take = (pop: ScreenPop | null) => {
    if (pop) deps.deliver(pop);
  };
  take(callFromArgv(deps.argv));
  deps.onSecondInstance((argv) => take(callFromArgv(argv)));
  deps.onOpenUrl((url) => take(screenPopFromLink(url)));
}
