import { checkServerAddress, DEFAULT_SERVER_URL, parseLanHosts, type LanHosts } from '../shared/platform/server-url';
import { serverChangeError } from '../shared/platform/server-change-refusal';
import type { JsonFile } from './json-file';

/** `--server-url=<url>` on the command line, as `npm start` passes it. */
export const SERVER_URL_ARG_PREFIX = '--server-url=';
/** The same, for deployments that set the address through the environment. */
export const SERVER_URL_ENV = 'HOTLINE_DESK_SERVER_URL';
/** Hosts where plain http is allowed (a branch hub on the LAN), comma-separated: set by whoever deploys the workstation. */
export const LAN_HOSTS_ENV = 'HOTLINE_DESK_LAN_HTTP_HOSTS';
/** The same list in settings.json, written by the deployment, never through the bridge. */
export const LAN_HOSTS_KEY = 'lanHttpHosts';

export type ServerUrlOverride = { url: string; source: 'argument' | 'environment' } | { error: string } | undefined;

/** The command line wins over the environment; an unusable value (plain http to a host not allowed) is reported, not silently skipped. */
export function serverUrlOverride(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  lanHosts: LanHosts = [],
): ServerUrlOverride {
  const argument = argv.find((arg) => arg.startsWith(SERVER_URL_ARG_PREFIX));
  if (argument !== undefined) {
    const parsed = checkServerAddress(argument.slice(SERVER_URL_ARG_PREFIX.length), lanHosts);
    return parsed.ok ? { url: parsed.url, source: 'argument' } : { error: `${SERVER_URL_ARG_PREFIX}: ${parsed.reason}` };
  }
  const fromEnv = env[SERVER_URL_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const parsed = checkServerAddress(fromEnv, lanHosts);
    return parsed.ok ? { url: parsed.url, source: 'environment' } : { error: `${SERVER_URL_ENV}: ${parsed.reason}` };
  }
  return undefined;
}

/** The LAN list: the environment's entries and settings.json's, the unusable ones dropped. */
export async function loadLanHosts(file: JsonFile, env: Readonly<Record<string, string | undefined>>): Promise<string[]> {
  const saved = await file.read();
  const fromFile = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>)[LAN_HOSTS_KEY] : undefined;
  return [...new Set([...parseLanHosts(env[LAN_HOSTS_ENV]), ...parseLanHosts(fromFile)])];
}

export interface ServerSettings {
  getServerUrl(): Promise<string>;
  /**
   * Saves the address and uses it from now on, once the user has confirmed it
   * in a dialog of the main process; rejects an address the rule refuses or
   * the user declined.
   */
  setServerUrl(raw: unknown): Promise<string>;
}

export interface ServerSettingsOptions {
  /** Set for this run (command line, environment); already checked. */
  override?: string;
  lanHosts: LanHosts;
  /**
   * Asks the person at the workstation, outside the page, whether to connect
   * to this address. The page cannot answer it: a script injected into the
   * renderer could otherwise send every token and record to its own server.
   */
  confirm(url: string): Promise<boolean>;
}

/**
 * The sync server address: an override for this run, else the saved choice,
 * else the default. Saving a new address also replaces the override, so the
 * user's choice takes effect at once. Every address, saved or new, passes the
 * shared rule (https, or plain http to this computer or the LAN list).
 */
export function createServerSettings(file: JsonFile, options: ServerSettingsOptions): ServerSettings {
  let current: string | undefined = options.override;
  return {
    async getServerUrl() {
      if (current !== undefined) return current;
      const saved = await file.read();
      const raw = typeof saved === 'object' && saved !== null ? (saved as { serverUrl?: unknown }).serverUrl : undefined;
      const parsed = checkServerAddress(raw, options.lanHosts);
      current = parsed.ok ? parsed.url : DEFAULT_SERVER_URL;
      return current;
    },
    async setServerUrl(raw) {
      const parsed = checkServerAddress(raw, options.lanHosts);
      if (!parsed.ok) throw serverChangeError(parsed.problem, parsed.reason);
      if (parsed.url !== (await this.getServerUrl()) && !(await options.confirm(parsed.url))) {
        throw serverChangeError('declined', 'the new server address was not confirmed');
      }
      const saved = await file.read();
      const base = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
      await file.write({ ...base, serverUrl: parsed.url });
      current = parsed.url;
      return parsed.url;
    },
  };
}
