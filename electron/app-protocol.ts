import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../shared/platform/app-origin';
import { mimeTypeFor } from './mime-types';

export type AppRequestResolution =
  | { kind: 'file'; filePath: string; mimeType: string; isEntry: boolean }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

const ENTRY_FILE = 'index.html';

/**
 * Maps an app:// URL to a file under rootDir. Paths whose last segment has no
 * extension are client-side routes and get index.html (the SPA fallback).
 * Anything that could step outside rootDir once decoded — `..`, backslashes,
 * NUL, drive letters — is forbidden rather than normalised away, and the
 * joined path is checked to lie inside rootDir as a second guard.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return { kind: 'not-found' };

  const rawSegments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'forbidden' };
    }
    if (segment === '.' || segment === '..' || /[\\/\0:]/.test(segment)) return { kind: 'forbidden' };
    segments.push(segment);
  }

  const last = segments.at(-1);
  const isRoute = last === undefined || !last.includes('.');
  const relative = isRoute ? [ENTRY_FILE] : segments;
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { kind: 'forbidden' };

  return { kind: 'file', filePath, mimeType: mimeTypeFor(filePath), isEntry: isRoute || (segments.length === 1 && last === ENTRY_FILE) };
}

export interface AppProtocolDeps {
  rootDir: string;
  readFile(filePath: string): Promise<Uint8Array>;
  /** Computed per response so a changed server address applies on the next load. */
  contentSecurityPolicy(): string;
}

/** The handler for protocol.handle('app', …): a static file server over dist/renderer. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed', deps, { Allow: 'GET, HEAD' });
    }
    const resolution = resolveAppRequest(request.url, deps.rootDir);
    if (resolution.kind === 'forbidden') return textResponse(403, 'Forbidden', deps);
    if (resolution.kind === 'not-found') return textResponse(404, 'Not Found', deps);

    let body: Uint8Array;
    try {
      body = await deps.readFile(resolution.filePath);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Not Found', deps);
      return textResponse(500, 'Internal Error', deps);
    }
    const headers = securityHeaders(deps);
    headers.set('Content-Type', resolution.mimeType);
    headers.set('Content-Length', String(body.byteLength));
    // Hashed assets never change; the entry page must be re-read so an update takes effect.
    headers.set('Cache-Control', resolution.isEntry ? 'no-cache' : 'public, max-age=31536000, immutable');
    return new Response(request.method === 'HEAD' ? null : toArrayBuffer(body), { status: 200, headers });
  };
}

function securityHeaders(deps: AppProtocolDeps): Headers {
  return new Headers({
    'Content-Security-Policy': deps.contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
}

function textResponse(status: number, text: string, deps: AppProtocolDeps, extra: Record<string, string> = {}): Response {
  const headers = securityHeaders(deps);
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(text, { status, headers });
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
