import { checkExternalUrl } from '../shared/platform/external-url';

/**
 * Wraps the OS's "open in browser" call so only checked http(s) links reach
 * it. Resolves false for a refused link or when the OS call fails; it never
 * throws, because a link click must not break the renderer.
 */
export function createExternalOpener(openExternal: (url: string) => Promise<void>): (raw: unknown) => Promise<boolean> {
  return async (raw) => {
    const checked = checkExternalUrl(raw);
    if (!checked.ok) return false;
    try {
      await openExternal(checked.url);
      return true;
    } catch {
      return false;
    }
  };
}
