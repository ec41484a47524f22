/**
 * Screen-pop from the phone system: `hotline-desk://call?ani=<number>&serial=<serial>`
 * (desktop) or `#/call?ani=…&serial=…` (browser). The link comes from outside
 * the app and is never trusted: the caller's number is digits only (a leading
 * + allowed) within phone-number lengths, the call serial letters, digits and
 * - _ within 64 characters; anything else refuses the whole link.
 */
export interface ScreenPop {
  /** The caller's number (ANI), digits only. */
  ani: string;
  /** The phone system's serial of this call, when it sent one. */
  serial: string | null;
}

export const SCREEN_POP_SCHEME = 'hotline-desk';
const ANI = /^\+?\d{3,20}$/;
const SERIAL = /^[A-Za-z0-9_-]{1,64}$/;
/** Longer than any valid link: refused before it is parsed. */
const MAX_LINK = 300;

/** Reads the query of a call link (`ani=…&serial=…`); null when it is not a valid call. */
export function screenPopFromQuery(query: string): ScreenPop | null {
  if (query.length > MAX_LINK) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query.replace(/^\?/, ''));
  } catch {
    return null;
  }
  const anis = params.getAll('ani');
  const serials = params.getAll('serial');
  if (anis.length !== 1 || serials.length > 1) return null;
  const ani = (anis[0] ?? '').replace(/^\+/, '');
  if (!ANI.test(anis[0] ?? '')) return null;
  const serial = serials[0] ?? null;
  if (serial !== null && serial !== '' && !SERIAL.test(serial)) return null;
  return { ani, serial: serial || null };
}

/** A desktop link `hotline-desk://call?…`; null for anything else. */
export function screenPopFromLink(link: string): ScreenPop | null {
  if (typeof link !== 'string' || link.length > MAX_LINK) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${SCREEN_POP_SCHEME}:`) return null;
  // `hotline-desk://call?…` parses with `call` as the host; `hotline-desk:call?…` as the path.
  const target = (url.host || url.pathname).replace(/^\/+|\/+$/g, '');
  if (target !== 'call') return null;
  return screenPopFromQuery(url.search);
}

/** The browser route of the same call, opened by the desktop shell and by links alike. */
export function screenPopHash(pop: ScreenPop): string {
  const q = new URLSearchParams({ ani: pop.ani });
  if (pop.serial) q.set('serial', pop.serial);
  return `#/call?${q.toString()}`;
}
