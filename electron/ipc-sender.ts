import { isAppUrl } from './trusted-url';

/** What Electron's IpcMainInvokeEvent.senderFrame offers that matters here. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Only the app's own top-level page may call the bridge: not a frame it
 * embeds, not a page it was (wrongly) navigated to, and not a frame that is
 * already gone (Electron reports null then).
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
