import { version } from '../../package.json';
import type { PlatformBridge } from '../../shared/platform/bridge';
import { selectBridge } from './select';
import { createWebBridge } from './web';

export type { NotifyOptions, PlatformBridge, PlatformKind, SecretStorageKind, SetServerUrlResult } from '../../shared/platform/bridge';
export { SECRET_NAMES } from '../../shared/platform/bridge';

let current: PlatformBridge | undefined;

/** The bridge for this page: the desktop shell's when present, else the browser's. Created on first use. */
export function getPlatform(): PlatformBridge {
  current ??= selectBridge(window.hotlineDesk, () => createWebBridge(window, { appVersion: version }));
  return current;
}
