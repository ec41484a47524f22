/** The sync server a fresh install talks to: the local server `npm start` runs. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export type ServerUrlResult =
  | { ok: true; url: string; origin: string }
  | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;

/**
 * Accepts an http(s) address of the sync server, optionally with a path prefix
 * (a reverse proxy may mount it under one), and returns it without a trailing
 * slash so callers can append `/api/...`. Credentials, queries and fragments
 * are refused: they would leak into logs or change every request.
 */
export function normalizeServerUrl(raw: unknown): ServerUrlResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  const trimmed = raw.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, reason: 'too long' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'only http and https are allowed' };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, reason: 'credentials are not allowed in the address' };
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return { ok: false, reason: 'query and fragment are not allowed' };
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${parsed.origin}${path}`, origin: parsed.origin };
}
