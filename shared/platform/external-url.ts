export type ExternalUrlResult = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;

/**
 * Decides whether a link may leave the app for the system browser. Only
 * http(s) passes: file:, javascript:, custom schemes and the like can start
 * local programs or run code when handed to the OS. Embedded credentials are
 * refused because they are the classic disguise of a phishing link.
 */
export function checkExternalUrl(raw: unknown): ExternalUrlResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'bad length' };
  // Control characters and whitespace have no place in a link a person clicked.
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return { ok: false, reason: 'contains whitespace or control characters' };
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'only http and https links open outside the app' };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, reason: 'links with credentials are refused' };
  }
  if (parsed.hostname === '') return { ok: false, reason: 'no host' };
  return { ok: true, url: parsed.href };
}
