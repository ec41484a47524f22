/** The sync server a fresh install talks to: the local server `npm start` runs. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** Why an address was refused, for a message in the user's language; `reason` says it in English for logs. */
export type ServerUrlProblem = 'empty' | 'too_long' | 'not_url' | 'scheme' | 'credentials' | 'query' | 'plain_http';

export type ServerUrlResult =
  | { ok: true; url: string; origin: string }
  | { ok: false; reason: string; problem: ServerUrlProblem };

const MAX_URL_LENGTH = 2048;

/**
 * Accepts an http(s) address of the sync server, optionally with a path prefix
 * (a reverse proxy may mount it under one), and returns it without a trailing
 * slash so callers can append `/api/...`. Credentials, queries and fragments
 * are refused: they would leak into logs or change every request.
 */
export function normalizeServerUrl(raw: unknown): ServerUrlResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string', problem: 'not_url' };
  const trimmed = raw.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty', problem: 'empty' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, reason: 'too long', problem: 'too_long' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'not a URL', problem: 'not_url' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'only http and https are allowed', problem: 'scheme' };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, reason: 'credentials are not allowed in the address', problem: 'credentials' };
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return { ok: false, reason: 'query and fragment are not allowed', problem: 'query' };
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${parsed.origin}${path}`, origin: parsed.origin };
}

/**
 * Hosts (names, IPv4 addresses or IPv4 blocks such as `192.168.10.0/24`)
 * where plain http is allowed: a branch hub on the LAN. Set by whoever
 * administers the workstation, never by the page.
 */
export type LanHosts = readonly string[];

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): number | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** A LAN list entry, lower-cased, or null when it is not a host name, an IPv4 address or an IPv4 block of /8 or narrower. */
export function parseLanHost(entry: unknown): string | null {
  if (typeof entry !== 'string') return null;
  const e = entry.trim().toLowerCase();
  const block = /^([\d.]+)\/(\d{1,2})$/.exec(e);
  if (block) return ipv4(block[1] as string) !== null && Number(block[2]) >= 8 && Number(block[2]) <= 32 ? e : null;
  if (/^[\d.]+$/.test(e)) return ipv4(e) !== null ? e : null;
  return HOSTNAME.test(e) ? e : null;
}

/** The usable entries of a configured list (a comma-separated string or an array); the rest are dropped. */
export function parseLanHosts(raw: unknown): string[] {
  const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
  return items.map(parseLanHost).filter((e): e is string => e !== null);
}

/** This machine: plain http never leaves it. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '[::1]') return true;
  const n = ipv4(h);
  return n !== null && n >>> 24 === 127;
}

function inLanList(hostname: string, lanHosts: LanHosts): boolean {
  const h = hostname.toLowerCase();
  const n = ipv4(h);
  return lanHosts.some((entry) => {
    const block = /^([\d.]+)\/(\d{1,2})$/.exec(entry);
    if (!block) return entry === h;
    const base = ipv4(block[1] as string);
    const bits = Number(block[2]);
    if (n === null || base === null) return false;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return ((n & mask) >>> 0) === ((base & mask) >>> 0);
  });
}

/**
 * The address rule of every client: https anywhere; plain http only to this
 * machine or to a host on the administrator's LAN list, because a token and
 * customers' personal data would otherwise cross the network readable and
 * changeable by anyone on the path.
 */
export function checkServerAddress(raw: unknown, lanHosts: LanHosts): ServerUrlResult {
  const parsed = normalizeServerUrl(raw);
  if (!parsed.ok) return parsed;
  const { protocol, hostname } = new URL(parsed.url);
  if (protocol === 'https:' || isLoopbackHost(hostname) || inLanList(hostname, lanHosts)) return parsed;
  return { ok: false, reason: 'plain http is allowed only to this computer or a host on the LAN list; use https', problem: 'plain_http' };
}
