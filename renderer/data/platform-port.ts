import type { DataKeyAnswer, PlatformBridge } from '../../shared/platform/bridge';
import { serverChangeError } from '../../shared/platform/server-change-refusal';
import { checkServerAddress } from '../../shared/platform/server-url';
import { generateDataKey } from './crypto/data-keys';

/**
 * The part of the platform bridge the data layer uses: the app passes
 * getPlatform(); tests pass a small object with the same methods.
 */
export type DataPlatform = Pick<PlatformBridge, 'getServerUrl' | 'getSecret' | 'setSecret' | 'deleteSecret'> &
  Partial<Pick<PlatformBridge, 'setPendingCount' | 'getLocale' | 'setServerUrl' | 'getDataKey'>>;

/**
 * An in-memory platform for tests and tools (secrets and the data key live
 * as long as the object). Its address may be changed under the shared rule,
 * with no one to confirm it: `confirm` stands for the desktop shell's dialog.
 */
export function memoryPlatform(initialServerUrl: string, confirm: (url: string) => boolean = () => true): DataPlatform {
  const secrets = new Map<string, string>();
  let serverUrl = initialServerUrl;
  let dataKey: Promise<DataKeyAnswer> | null = null;
  return {
    getDataKey: () => (dataKey ??= generateDataKey().then((key) => ({ kind: 'browser', key }))),
    getServerUrl: () => Promise.resolve(serverUrl),
    setServerUrl: (raw) => {
      const parsed = checkServerAddress(raw, []);
      if (!parsed.ok) return Promise.reject(serverChangeError(parsed.problem, parsed.reason));
      if (parsed.url !== serverUrl && !confirm(parsed.url)) return Promise.reject(serverChangeError('declined', 'not confirmed'));
      serverUrl = parsed.url;
      return Promise.resolve({ serverUrl, reloadRequired: false });
    },
    getSecret: (name) => Promise.resolve(secrets.get(name) ?? null),
    setSecret: (name, value) => {
      secrets.set(name, value);
      return Promise.resolve();
    },
    deleteSecret: (name) => {
      secrets.delete(name);
      return Promise.resolve();
    },
  };
}
