import { APP_HOST, APP_SCHEME } from '../shared/platform/app-origin';

/**
 * True for URLs of the app's own origin. The comparison is on scheme and
 * host, not `URL.origin`: Node's URL parser does not know that `app:` is a
 * standard scheme (Chromium does, once registered) and reports its origin as
 * the string "null".
 */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A navigation the window may perform: only within the app itself. */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}
