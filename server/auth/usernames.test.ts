import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../db/unique-violation';
import { ApiClient, startTestServer, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('usernames ignore case on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;

  it('signs in whatever the case of the username typed', async () => {
    const res = await api.request('POST', '/api/auth/login', { body: { username: 'LEAD.Gz', password: 'demo1234' } });
    expect(res.status).toBe(200);
    expect(res.json.user.username).toBe('lead.gz');
  });

  it('failures count against the account whatever the case typed', async () => {
    const limited = await startTestServer(storage, { loginMaxFailures: 2 });
    try {
      const other = new ApiClient(limited.server);
      for (const username of ['Agent.GZ', 'AGENT.gz']) {
        expect((await other.request('POST', '/api/auth/login', { body: { username, password: 'wrong-one' } })).status).toBe(401);
      }
      expect((await other.request('POST', '/api/auth/login', { body: { username: 'agent.gz', password: 'demo1234' } })).status).toBe(429);
    } finally {
      await limited.cleanup();
    }
  });

  it('the database refuses a second username differing only in case, whoever writes it', async () => {
    const err = await t.server.db
      .query(`insert into users (id, username, display_name, role, branch_id, password_hash) values ('u-x', 'Agent.GZ', 'x', 'agent', 'gz', 'scrypt$')`)
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });
});
