import { DEFAULT_CORS_ORIGINS } from '../server/config';

/** Decisions `npm run dev` makes, kept free of I/O so they can be tested. */

export const DEFAULT_VITE_PORT = 5173;
/** Dev runs keep their own PGlite files, apart from `npm start`'s `.data/server`. */
export const DEV_DATA_DIR = '.data/dev';
/** Read by renderer/vite.config.ts: where the dev server proxies the API routes. */
export const API_TARGET_VAR = 'HOTLINE_DESK_API_TARGET';

type Env = Readonly<Record<string, string | undefined>>;

export function viteOrigin(env: Env): { port: number; origin: string } {
  const raw = env.VITE_PORT?.trim();
  const port = raw === undefined || raw === '' ? DEFAULT_VITE_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`VITE_PORT must be a port number, got "${raw}"`);
  return { port, origin: `http://127.0.0.1:${port}` };
}

/**
 * The dev server's environment: the demo organisation on PGlite in its own
 * data directory, no built client to serve (Vite serves it), and the Vite
 * origin added to whatever CORS allows — only here, never in `npm start`'s
 * or production's defaults.
 */
export function devServerEnv(env: Env, devOrigin: string): Record<string, string | undefined> {
  const configured = env.CORS_ORIGINS?.trim();
  const origins = configured ? configured.split(',').map((o) => o.trim()).filter((o) => o !== '') : [...DEFAULT_CORS_ORIGINS];
  if (!origins.includes(devOrigin)) origins.push(devOrigin);
  const next: Record<string, string | undefined> = {
    ...env,
    SEED_DEMO: env.SEED_DEMO ?? '1',
    DATA_DIR: env.DATA_DIR ?? DEV_DATA_DIR,
    CORS_ORIGINS: origins.join(','),
  };
  delete next.CLIENT_DIR;
  return next;
}

/** Vite's dev server on loopback at a fixed port (so the CORS entry above is right), proxying to serverUrl. */
export function viteDevArgs(viteBin: string, viteConfig: string, port: number): string[] {
  return [viteBin, '--config', viteConfig, '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
}

export function viteDevEnv(env: Env, serverUrl: string): Record<string, string | undefined> {
  return { ...env, [API_TARGET_VAR]: serverUrl };
}
