import type { PlatformBridge } from '../../shared/platform/bridge';
import type { DataPlatform } from '../data/platform-port';

/** The data layer's narrow view of the platform bridge. */
export function toDataPlatform(bridge: PlatformBridge): DataPlatform {
  return {
    serverUrl: () => bridge.getServerUrl(),
    secrets: {
      get: (key) => bridge.getSecret(key),
      set: (key, value) => bridge.setSecret(key, value),
      delete: (key) => bridge.deleteSecret(key),
    },
    setPendingCount: (count) => {
      bridge.setPendingCount(count).catch(() => undefined);
    },
  };
}
