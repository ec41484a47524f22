import { version } from '../../package.json';
import type { PlatformBridge } from '../../shared/platform/bridge';
import { parseLanHosts } from '../../shared/platform/server-url';
import { selectBridge } from './select';
import { createWebBridge } from './web';

export type { NotifyOptions, PlatformBridge, PlatformKind, SecretStorageKind, SetServerUrlResult } from '../../shared/platform/bridge';
export { SECRET_NAMES } from '../../shared/platform/bridge';

/** Set by the build (renderer/vite.config.ts) from HOTLINE_DESK_LAN_HTTP_HOSTS. */
declare const __LAN_HTTP_HOSTS__: string | undefined;
const lanHosts = parseLanHosts(typeof __LAN_HTTP_HOSTS__ === 'string' ? __LAN_HTTP_HOSTS__ : '');

let current: PlatformBridge | undefined;

/** The bridge for this page: the desktop shell's when present, else the browser's. Created on first use. */
export function getPlatform(): PlatformBridge {
  current ??= selectBridge(window.hotlineDesk, () => createWebBridge(window, { appVersion: version, lanHosts }));
  return current;
}
