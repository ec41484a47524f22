import { serverChangeRefusal, type ServerChangeRefusal } from '../../shared/platform/server-change-refusal';
import type { DataPlatform } from './platform-port';
import type { Session } from './session';

export type ServerChangeResult =
  | {
      ok: true;
      serverUrl: string;
      /** False when the address was already the one in use (nothing else happened). */
      changed: boolean;
      /** The desktop shell must load the page again before it may reach the new server. */
      reloadRequired: boolean;
    }
  | {
      ok: false;
      /** The address rule's problem or the person's "no"; `unavailable`: this platform cannot change it; `failed`: the bridge broke. */
      error: ServerChangeRefusal | 'unavailable' | 'failed';
    };

/**
 * Points this workstation at another sync server (central to a branch hub, or
 * back). The platform checks the address and, in the desktop shell, its main
 * process asks the person at the workstation to confirm it: the page only
 * asks. Once saved, the old server's token is forgotten (a sign-in at the new
 * server starts sync again), and each user's replica re-syncs from the new
 * server when it next syncs, keeping its unsynced events
 * (sync/replica-server.ts).
 */
export async function changeServer(platform: DataPlatform, session: Pick<Session, 'serverChanged'>, raw: string): Promise<ServerChangeResult> {
  if (!platform.setServerUrl) return { ok: false, error: 'unavailable' };
  const before = await platform.getServerUrl();
  let saved: Awaited<ReturnType<NonNullable<DataPlatform['setServerUrl']>>>;
  try {
    saved = await platform.setServerUrl(raw);
  } catch (err) {
    return { ok: false, error: serverChangeRefusal(err) ?? 'failed' };
  }
  const changed = saved.serverUrl !== before;
  if (changed) await session.serverChanged();
  return { ok: true, serverUrl: saved.serverUrl, changed, reloadRequired: changed && saved.reloadRequired };
}
