import { checkExternalUrl } from '../shared/platform/external-url';
import { isAllowedNavigation } from './trusted-url';

/** Hooks onto one webContents, adapted from Electron's events so the policy is testable on its own. */
export interface WebContentsHooks {
  /** Registers the window.open policy; the returned action is what Electron gets. */
  setWindowOpenHandler(handler: (url: string) => { action: 'deny' }): void;
  onWillNavigate(listener: (url: string, prevent: () => void) => void): void;
  onWillRedirect(listener: (url: string, prevent: () => void) => void): void;
  onWillAttachWebview(listener: (prevent: () => void) => void): void;
}

/**
 * Every page stays in the app: new windows are always denied, navigation
 * and redirects leave only for app:// URLs, webviews never attach. An http(s)
 * link the user followed (window.open or a plain link) goes to the system
 * browser instead, after the same check as openExternal.
 */
export function guardWebContents(hooks: WebContentsHooks, openExternal: (url: string) => void): void {
  const handOff = (url: string) => {
    if (checkExternalUrl(url).ok) openExternal(url);
  };
  hooks.setWindowOpenHandler((url) => {
    handOff(url);
    return { action: 'deny' };
  });
  hooks.onWillNavigate((url, prevent) => {
    if (isAllowedNavigation(url)) return;
    prevent();
    handOff(url);
  });
  hooks.onWillRedirect((url, prevent) => {
    if (!isAllowedNavigation(url)) prevent();
  });
  hooks.onWillAttachWebview((prevent) => prevent());
}
