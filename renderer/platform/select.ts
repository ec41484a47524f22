import type { PlatformBridge } from '../../shared/platform/bridge';

/**
 * The desktop shell's preload defines `window.hotlineDesk`; anywhere else the
 * renderer runs on the web implementation. A global that does not look like a
 * bridge is ignored rather than trusted.
 */
export function selectBridge(globalBridge: unknown, makeWebBridge: () => PlatformBridge): PlatformBridge {
  if (isBridge(globalBridge)) return globalBridge;
  return makeWebBridge();
}

function isBridge(value: unknown): value is PlatformBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof PlatformBridge, unknown>>;
  return candidate.kind === 'electron' && typeof candidate.getServerUrl === 'function' && typeof candidate.getSecret === 'function' && typeof candidate.getDataKey === 'function';
}
