import type { PlatformBridge } from '../../shared/platform/bridge';

/**
 * The part of the platform bridge the data layer uses: the app passes
 * getPlatform(); tests pass a small object with the same methods.
 */
export type DataPlatform = Pick<PlatformBridge, 'getServerUrl' | 'getSecret' | 'setSecret' | 'deleteSecret'> &
  Partial<Pick<PlatformBridge, 'setPendingCount' | 'getLocale'>>;

/** An in-memory platform for tests and tools (secrets live as long as the object). */
export function memoryPlatform(serverUrl: string): DataPlatform {
  const secrets = new Map<string, string>();
  return {
    getServerUrl: () => Promise.resolve(serverUrl),
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
