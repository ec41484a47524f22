import { beforeAll, describe, expect, it } from 'vitest';
import { workstationCode } from '../../shared/numbers/complaint-number';
import { ApiClient, startTestServer, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { registerWorkstation } from './workstations-store';

describe.each(storageKinds())('workstation codes for complaint numbers on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ['agent.gz', 'agent2.gz', 'agent.dg', 'director']) tok[name] = (await api.login(name)).token;
  });

  const register = (token: string, body: unknown) => api.request('POST', '/api/workstations', { token, body });

  it("gives a workstation a code in the caller's branch, the same on every call", async () => {
    const first = await register(tok['agent.gz']!, { workstationId: 'ws-0001-aaaa' });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ workstationId: 'ws-0001-aaaa', branchId: 'gz', code: workstationCode('ws-0001-aaaa') });
    const again = await register(tok['agent2.gz']!, { workstationId: 'ws-0001-aaaa' });
    expect(again.status).toBe(200);
    expect(again.json.code).toBe(first.json.code);
  });

  it('never gives two workstations of one branch the same code, even when their derived codes collide', async () => {
    // Find two ids whose first derived code is the same: the hash alone would collide.
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `collide-${i}`;
      const code = workstationCode(id);
      const other = seen.get(code);
      if (other) pair = [other, id];
      seen.set(code, id);
    }
    const a = await register(tok['agent.gz']!, { workstationId: pair[0] });
    const b = await register(tok['agent.gz']!, { workstationId: pair[1] });
    expect(a.json.code).toBe(workstationCode(pair[0]));
    expect(b.json.code).not.toBe(a.json.code);
    // Another branch may hold the same code: numbers carry the branch.
    const dg = await register(tok['agent.dg']!, { workstationId: pair[1] });
    expect(dg.json).toMatchObject({ branchId: 'dg', code: workstationCode(pair[1]) });
  });

  it('concurrent registrations in one branch end with distinct codes', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `race-${i}-${storage}`);
    const codes = await Promise.all(ids.map((id) => registerWorkstation(t.server.db, 'gz', id, 'u-test').then((r) => r.code)));
    const rows = await t.server.db.query<{ code: string }>("select code from workstations where branch_id = 'gz'");
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('scopes the branch: others cannot register into a branch not theirs; all-branch roles name one', async () => {
    expect((await register(tok['agent.gz']!, { workstationId: 'ws-0002-bbbb', branchId: 'dg' })).status).toBe(404);
    const own = await register(tok.director!, { workstationId: 'ws-0003-cccc' });
    expect(own.json.branchId).toBe('gz');
    const named = await register(tok.director!, { workstationId: 'ws-0003-cccc', branchId: 'dg' });
    expect(named.status).toBe(201);
    expect(named.json.branchId).toBe('dg');
    expect((await register(tok.director!, { workstationId: 'ws-0003-cccc', branchId: 'nowhere' })).status).toBe(404);
  });

  it('limits how many new workstations one user registers per hour; a known one answers still', async () => {
    const limited = await startTestServer(storage, { workstationRegistrationsPerHour: 3 });
    try {
      const other = new ApiClient(limited.server);
      const token = (await other.login('lead.gz')).token;
      const reg = (id: string) => other.request('POST', '/api/workstations', { token, body: { workstationId: id } });
      for (let i = 0; i < 3; i++) expect((await reg(`limit-ws-${i}`)).status).toBe(201);
      // Asking again for a code it has is no new registration.
      expect((await reg('limit-ws-0')).status).toBe(200);
      const refused = await reg('limit-ws-3');
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await reg('limit-ws-1')).status).toBe(200);
      // Another user has their own allowance.
      const agent = (await other.login('agent.gz')).token;
      expect((await other.request('POST', '/api/workstations', { token: agent, body: { workstationId: 'limit-ws-9' } })).status).toBe(201);
    } finally {
      await limited.cleanup();
    }
  });

  it('refuses malformed bodies and anonymous callers', async () => {
    for (const body of [{}, { workstationId: 'short' }, { workstationId: 'x'.repeat(101) }, { workstationId: 'ws 0004 dddd' }, { workstationId: 'ws-0004-dddd', extra: 1 }]) {
      expect((await register(tok['agent.gz']!, body)).status).toBe(400);
    }
    expect((await api.request('POST', '/api/workstations', { body: { workstationId: 'ws-0005-eeee' } })).status).toBe(401);
  });
});
