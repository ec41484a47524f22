/**
 * The Content-Security-Policy of every page the app serves. Scripts come only
 * from the app's own files (no inline script, no eval), and the page may
 * connect only to itself and the configured sync server, so injected markup
 * can neither run code nor send data anywhere else.
 *
 * Inline styles stay allowed: React and the virtualised lists position rows
 * through style attributes, and styles cannot execute code.
 */
export function buildContentSecurityPolicy(serverOrigin: string): string {
  assertOrigin(serverOrigin);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", serverOrigin]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['media-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The origin lands inside a header: anything but scheme://host[:port] could smuggle directives into it. */
function assertOrigin(origin: string): void {
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin) && !/^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(origin)) {
    throw new Error('server origin must be scheme://host[:port]');
  }
}
