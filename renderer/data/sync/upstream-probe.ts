import { healthAnswerSchema } from '../../../shared/protocol/hub';
import type { HubLinkState } from '../types/sync';
import type { Api } from './api';

/**
 * Asks the server this workstation syncs with whether it is a branch hub and,
 * if so, whether it reaches the central server: the second link the sync bar
 * shows. Null: not a hub. Undefined: the server did not answer (its own link
 * is what the sync bar already shows as offline).
 */
export async function probeUpstream(api: Pick<Api, 'json'>): Promise<HubLinkState | null | undefined> {
  let raw: unknown;
  try {
    raw = await api.json<unknown>('GET', '/health', undefined, { auth: false });
  } catch {
    return undefined;
  }
  const parsed = healthAnswerSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const u = parsed.data.upstream;
  // A hub that does not say how far central confirmed is taken as having confirmed nothing: never claim more than true.
  return u ? { connected: u.connected, lastSyncAt: u.lastSyncAt, pendingUp: u.pendingUp, confirmedThrough: u.confirmedThrough ?? 0 } : null;
}
