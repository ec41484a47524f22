import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { DEMO_USERS } from '../seed/demo';
import { ApiClient, EventFactory, startTestServer, type LoggedInUser, type TestServer } from '../test-support/harness';

/**
 * Every demo user (each role, each branch) against every endpoint: who may
 * call it, and which branch's complaints each sees.
 */
describe('authorisation matrix (role × endpoint × branch)', () => {
  let t: TestServer;
  let api: ApiClient;
  const who: Record<string, { token: string; user: LoggedInUser }> = {};
  const complaintIn: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer('pglite');
    api = new ApiClient(t.server);
    for (const u of DEMO_USERS) who[u.username] = await api.login(u.username);
    const f = new EventFactory();
    for (const [branch, author] of [['gz', 'agent.gz'], ['dg', 'agent.dg']] as const) {
      const created = f.created(who[author]!.user);
      complaintIn[branch] = created.complaintId;
      expect((await api.push(who[author]!.token, [created])).json).toEqual([]);
    }
  });
  afterAll(async () => t?.cleanup());

  it('covers every role a person signs in with (the hub machine account is tested with the relay)', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES.filter((r) => r !== 'hub')));
  });

  const ADMIN_ENDPOINTS: [string, string, unknown?][] = [
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users', { username: 'x.y', password: 'longenough1', role: 'agent', branchId: 'gz' }],
    ['PATCH', '/api/admin/users/user-agent.gz', { displayName: 'X' }],
    ['GET', '/api/admin/branches'],
    ['POST', '/api/admin/branches', { id: 'sz', name: '深圳' }],
    ['PATCH', '/api/admin/branches/gz', { name: '广州' }],
    ['GET', '/api/admin/teams'],
    ['POST', '/api/admin/teams', { id: 'gz-t9', branchId: 'gz', name: 'X' }],
    ['PATCH', '/api/admin/teams/gz-t1', { name: 'X' }],
    ['GET', '/api/admin/policy'],
    ['PUT', '/api/admin/policy', {}],
    ['GET', '/api/admin/scripts'],
    ['POST', '/api/admin/scripts', { language: 'en', scenario: 'A', title: 't', text: 'x' }],
    ['PATCH', '/api/admin/scripts/opening-en', { sort: 1 }],
    ['DELETE', '/api/admin/scripts/no-such-script'],
  ];

  it.each(DEMO_USERS.filter((u) => u.role !== 'admin').map((u) => u.username))('%s gets 403 from every admin endpoint', async (username) => {
    for (const [method, url, body] of ADMIN_ENDPOINTS) {
      const res = await api.request(method, url, { token: who[username]!.token, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
  });

  it('admin may call every admin endpoint', async () => {
    for (const [method, url, body] of ADMIN_ENDPOINTS) {
      const res = await api.request(method, url, { token: who.admin!.token, ...(body === undefined ? {} : { body }) });
      expect([200, 201, 204, 404], `${method} ${url} → ${res.status} ${res.body}`).toContain(res.status);
    }
  });

  it.each(DEMO_USERS.map((u) => [u.username, u.role, u.branchId] as const))(
    '%s (%s, %s) sees exactly its scope through pull, list and detail',
    async (username, role, branch) => {
      const token = who[username]!.token;
      const all = role === 'director' || role === 'admin';
      const expected = { gz: all || branch === 'gz', dg: all || branch === 'dg' };
      const pulled = new Set((await api.pullAll(token)).documents.map((d) => d.complaintId));
      const listed = new Set((await api.request('GET', '/api/complaints?limit=200', { token })).json.items.map((c: { id: string }) => c.id));
      for (const b of ['gz', 'dg'] as const) {
        const id = complaintIn[b] as string;
        expect(pulled.has(id), `pull ${b}`).toBe(expected[b]);
        expect(listed.has(id), `list ${b}`).toBe(expected[b]);
        const detail = await api.request('GET', `/api/complaints/${id}`, { token });
        expect(detail.status, `detail ${b}`).toBe(expected[b] ? 200 : 404);
        // Asking for another branch by filter gives nothing, not an error.
        const filtered = await api.request('GET', `/api/complaints?branchId=${b}`, { token });
        expect(filtered.status).toBe(200);
        expect(filtered.json.items.some((c: { id: string }) => c.id === id)).toBe(expected[b]);
      }
      expect((await api.request('GET', '/api/reference', { token })).status).toBe(200);
      expect((await api.request('GET', '/health')).status).toBe(200);
    },
  );

  it.each(DEMO_USERS.map((u) => [u.username, u.role] as const))('%s (%s) writes only the event types its role allows', async (username, role) => {
    const f = new EventFactory();
    const me = who[username]!;
    const created = f.created(me.user);
    const answer = (await api.push(me.token, [created])).json as { id: string; reason?: { code: string } }[];
    const mayCreate = !['quality_manager', 'admin'].includes(role);
    if (mayCreate) expect(answer).toEqual([]);
    else expect(answer[0]?.reason?.code).toBe('role_not_allowed');
  });
});
