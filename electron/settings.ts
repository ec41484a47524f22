import { DEFAULT_SERVER_URL, normalizeServerUrl } from '../shared/platform/server-url';
import type { JsonFile } from './json-file';

/** `--server-url=<url>` on the command line, as `npm start` passes it. */
export const SERVER_URL_ARG_PREFIX = '--server-url=';
/** The same, for deployments that set the address through the environment. */
export const SERVER_URL_ENV = 'HOTLINE_DESK_SERVER_URL';

export type ServerUrlOverride = { url: string; source: 'argument' | 'environment' } | { error: string } | undefined;

/** The command line wins over the environment; an unusable value is reported, not silently skipped. */
export function serverUrlOverride(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerUrlOverride {
  const argument = argv.find((arg) => arg.startsWith(SERVER_URL_ARG_PREFIX));
  if (argument !== undefined) {
    const parsed = normalizeServerUrl(argument.slice(SERVER_URL_ARG_PREFIX.length));
    return parsed.ok ? { url: parsed.url, source: 'argument' } : { error: `${SERVER_URL_ARG_PREFIX}: ${parsed.reason}` };
  }
  const fromEnv = env[SERVER_URL_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const parsed = normalizeServerUrl(fromEnv);
    return parsed.ok ? { url: parsed.url, source: 'environment' } : { error: `${SERVER_URL_ENV}: ${parsed.reason}` };
  }
  return undefined;
}

export interface ServerSettings {
  getServerUrl(): Promise<string>;
  /** Saves the address and uses it from now on; rejects an address that is not plain http(s). */
  setServerUrl(raw: unknown): Promise<string>;
}

/**
 * The sync server address: an override for this run, else the saved choice,
 * else the default. Saving a new address also replaces the override, so the
 * user's choice takes effect at once.
 */
export function createServerSettings(file: JsonFile, override?: string): ServerSettings {
  let current: string | undefined = override;
  return {
    async getServerUrl() {
      if (current !== undefined) return current;
      const saved = await file.read();
      const raw = typeof saved === 'object' && saved !== null ? (saved as { serverUrl?: unknown }).serverUrl : undefined;
      const parsed = normalizeServerUrl(raw);
      current = parsed.ok ? parsed.url : DEFAULT_SERVER_URL;
      return current;
    },
    async setServerUrl(raw) {
      const parsed = normalizeServerUrl(raw);
      if (!parsed.ok) throw new Error(`invalid server address: ${parsed.reason}`);
      const saved = await file.read();
      const base = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
      await file.write({ ...base, serverUrl: parsed.url });
      current = parsed.url;
      return parsed.url;
    },
  };
}
