import { describe, expect, it } from 'vitest';
import { liveServerForFile, liveWorkstation, switchableFetch, waitFor } from './live-server-support';
import type { WorkstationStore } from '../../renderer/data/store';
import { signInStore, uniqueName } from '../../renderer/data/test-support';

const live = liveServerForFile('hd-cred-');

const workstation = (doFetch: typeof fetch) => liveWorkstation(live, { databaseName: uniqueName('cred'), fetch: doFetch });

async function adminPatch(username: string, patch: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${live.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const list = await fetch(`${live.server.url}/api/admin/users`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await list.json()) as { items: { id: string; username: string }[] };
  const id = items.find((u) => u.username === username)?.id;
  const res = await fetch(`${live.server.url}/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(patch),
  });
  expect(res.status).toBe(200);
}

/** Another user signs in online on the workstation and pulls the directory, then leaves. */
async function anotherUserSyncs(ws: WorkstationStore, username: string, until: (ws: WorkstationStore) => Promise<boolean>) {
  const store = await signInStore(ws, username);
  await waitFor(() => until(ws), 'the directory pulled');
  expect(store.referenceStore.current().pulledAt).not.toBeNull();
  await ws.session.signOut();
}

const notice = (ws: WorkstationStore, userId: string) =>
  ws.meta.get<Record<string, { active: boolean; credentialsVersion: string | null }>>('session.credentials').then((n) => n?.[userId]);

describe('offline sign-in follows what the server said about the account', () => {
  it('a user disabled on the server cannot sign in offline once another user synced here; others still can', async () => {
    const net = switchableFetch();
    const ws = await workstation(net.fetch);
    const agent2 = await signInStore(ws, 'agent2.gz');
    const agent2Id = agent2.user.id;
    await ws.session.signOut();
    await signInStore(ws, 'agent.gz');
    await ws.session.signOut();

    await adminPatch('agent2.gz', { disabled: true });
    await anotherUserSyncs(ws, 'lead.gz', async (w) => (await notice(w, agent2Id))?.active === false);

    net.state.offline = true;
    expect(await ws.session.signIn('agent2.gz', 'demo1234')).toEqual({ ok: false, error: 'offline_unknown' });
    expect(await ws.session.signIn('agent.gz', 'demo1234')).toEqual({ ok: true, offline: true });
    await adminPatch('agent2.gz', { disabled: false }).catch(() => undefined);
  });

  it('a password changed on the server ends the old offline password, heard from the directory', async () => {
    const net = switchableFetch();
    const ws = await workstation(net.fetch);
    const before = await signInStore(ws, 'supervisor.gz');
    const id = before.user.id;
    const seen = (await notice(ws, id))?.credentialsVersion;
    expect(seen).toBeTruthy();
    await ws.session.signOut();

    await adminPatch('supervisor.gz', { password: 'a-new-Passw0rd-42' });
    await anotherUserSyncs(ws, 'lead.gz', async (w) => {
      const n = await notice(w, id);
      return Boolean(n && n.credentialsVersion !== seen);
    });

    net.state.offline = true;
    expect(await ws.session.signIn('supervisor.gz', 'demo1234')).toEqual({ ok: false, error: 'offline_unknown' });
  });

  it('a password the server refuses but the verifier accepts drops the verifier at once', async () => {
    const net = switchableFetch();
    const ws = await workstation(net.fetch);
    await signInStore(ws, 'officer.gz');
    await ws.session.signOut();
    await adminPatch('officer.gz', { password: 'another-Passw0rd-7' });

    expect(await ws.session.signIn('officer.gz', 'demo1234')).toEqual({ ok: false, error: 'invalid' });
    net.state.offline = true;
    expect(await ws.session.signIn('officer.gz', 'demo1234')).toEqual({ ok: false, error: 'offline_unknown' });
  });
});
