import path from 'node:path';

/** Decisions `npm start` makes, kept free of I/O so they can be tested. */

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServerAddress {
  /** Where the server listens (HOST). */
  host: string;
  port: number;
  /** Where a browser or the desktop window reaches it; a wildcard listen address is reached on loopback. */
  url: string;
}

export function serverAddress(env: Readonly<Record<string, string | undefined>>): ServerAddress {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const rawPort = env.PORT?.trim();
  const port = rawPort === undefined || rawPort === '' ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${rawPort}"`);
  const reachable = host === '0.0.0.0' || host === '::' || host === '[::]' ? '127.0.0.1' : host;
  const hostPart = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return { host, port, url: `http://${hostPart}:${port}` };
}

/** The server's environment: the demo organisation and the freshly built web client, unless the caller chose otherwise. */
export function serverEnv(env: Readonly<Record<string, string | undefined>>, clientDir: string): Record<string, string | undefined> {
  return {
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? '1',
    CLIENT_DIR: env.CLIENT_DIR ?? clientDir,
  };
}

export type DesktopDecision = { kind: 'electron'; binary: string } | { kind: 'browser'; reason: string };

/**
 * Whether a desktop window can open. `require('electron')` in Node returns the
 * binary's path, or throws when the download never happened; the path is
 * checked too, since a half-finished install leaves a path to nothing.
 */
export function desktopDecision(resolveElectron: () => unknown, exists: (file: string) => boolean, env: Readonly<Record<string, string | undefined>>): DesktopDecision {
  if (env.HOTLINE_DESK_NO_ELECTRON === '1') return { kind: 'browser', reason: 'HOTLINE_DESK_NO_ELECTRON=1 is set' };
  let binary: unknown;
  try {
    binary = resolveElectron();
  } catch (error) {
    return { kind: 'browser', reason: `the Electron binary is not installed (${firstLine(error)})` };
  }
  if (typeof binary !== 'string' || binary === '') return { kind: 'browser', reason: 'the electron package did not name a binary' };
  if (!exists(binary)) return { kind: 'browser', reason: `the Electron binary is missing at ${binary}` };
  return { kind: 'electron', binary };
}

/** Electron runs the app in appRoot (package.json "main") against the server just started. */
export function electronArgs(appRoot: string, serverUrl: string): string[] {
  return [path.resolve(appRoot), `--server-url=${serverUrl}`];
}

/** Electron refuses to start as a browser if these leak in from the parent's environment. */
export function electronEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const next = { ...env };
  delete next.ELECTRON_RUN_AS_NODE;
  return next;
}

export function browserFallbackMessage(address: ServerAddress, reason: string, advice?: string): string {
  return [
    `No desktop window: ${reason}.`,
    `Open ${address.url} in a browser (demo users such as agent.gz, password demo1234).`,
    ...(advice === undefined ? [] : [advice]),
    'Press Ctrl+C to stop.',
  ].join('\n');
}

/** Exit status for a run ended by a signal, as shells report it. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1;
}

export function isHealthy(status: number, body: unknown): boolean {
  return status === 200 && typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok';
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
