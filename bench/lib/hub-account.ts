import { login } from './api-client';

/** Creates a branch hub's account on central through the admin API (role `hub`, one branch). */
export async function createHubAccount(centralUrl: string, o: { username: string; password: string; branchId: string }): Promise<void> {
  const admin = await login(centralUrl, 'admin');
  const res = await fetch(`${centralUrl}/api/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ username: o.username, password: o.password, role: 'hub', branchId: o.branchId }),
  });
  if (res.status !== 201) throw new Error(`creating the hub account ${o.username} → ${res.status} ${await res.text()}`);
}

export interface HubUpstreamHealth {
  connected: boolean;
  pendingUp: number;
  lastSyncAt: string | null;
}

/** The hub's `/health` upstream object, or null while it does not answer. */
export async function hubUpstream(hubUrl: string): Promise<HubUpstreamHealth | null> {
  try {
    const res = await fetch(`${hubUrl}/health`);
    const body = (await res.json()) as { upstream?: HubUpstreamHealth };
    return body.upstream ?? null;
  } catch {
    return null;
  }
}
