import { describe, expect, it } from 'vitest';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

type DirectoryUser = { id: string; username: string; active: boolean; credentialsVersion: string };

describe.each(storageKinds())('credentials version for offline sign-in on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;

  const directory = async (token: string): Promise<DirectoryUser[]> =>
    (await api.request('GET', '/api/reference', { token })).json.users as DirectoryUser[];

  it('the login answer and the directory carry the same version, and an admin change moves it', async () => {
    const login = (await api.login('agent2.gz')) as unknown as { credentialsVersion: string; user: { id: string } };
    expect(typeof login.credentialsVersion).toBe('string');
    const lead = (await api.login('lead.gz')).token;
    const before = (await directory(lead)).find((u) => u.username === 'agent2.gz');
    expect(before?.credentialsVersion).toBe(login.credentialsVersion);

    const admin = (await api.login('admin')).token;
    await new Promise((r) => setTimeout(r, 5));
    const patched = await api.request('PATCH', `/api/admin/users/${login.user.id}`, { token: admin, body: { password: 'a-Different-pass-91' } });
    expect(patched.status).toBe(200);
    const after = (await directory(lead)).find((u) => u.username === 'agent2.gz');
    expect(after?.credentialsVersion).not.toBe(before?.credentialsVersion);
    expect(after?.active).toBe(true);

    await api.request('PATCH', `/api/admin/users/${login.user.id}`, { token: admin, body: { disabled: true } });
    expect((await directory(lead)).find((u) => u.username === 'agent2.gz')?.active).toBe(false);
  });
});
