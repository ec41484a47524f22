import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/policy';
import { EventFactory, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('reference data and admin API on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  let admin = '';
  let agent = '';

  beforeAll(async () => {
    admin = (await api.login('admin')).token;
    agent = (await api.login('agent.gz')).token;
  });

  it('serves the directory without secrets, branches, teams, policy, calendar and scripts with an etag', async () => {
    const res = await api.request('GET', '/api/reference', { token: agent });
    expect(res.status).toBe(200);
    const ref = res.json;
    expect(JSON.stringify(ref)).not.toMatch(/scrypt|password/i);
    expect(ref.users).toHaveLength(11);
    // The server's own writer has a name for timelines but is no user: no role, no sign-in.
    expect(ref.actors).toEqual([{ id: 'system', displayName: 'System / 系统' }]);
    expect(ref.users.some((u: { id: string }) => u.id === 'system')).toBe(false);
    const lead = ref.users.find((u: { username: string }) => u.username === 'lead.gz');
    expect(Object.keys(lead).sort()).toEqual(['active', 'branchId', 'credentialsVersion', 'displayName', 'id', 'jobNumber', 'role', 'teamId', 'username']);
    expect(ref.users.every((u: { jobNumber: unknown }) => typeof u.jobNumber === 'string')).toBe(true);
    expect(ref.branches.map((b: { id: string }) => b.id)).toEqual(['dg', 'gz']);
    const t1 = ref.teams.find((x: { id: string }) => x.id === 'gz-t1');
    expect(t1.leadId).toBe(lead.id);
    expect(new Set(t1.memberIds)).toEqual(
      new Set(ref.users.filter((u: { username: string }) => ['agent.gz', 'agent2.gz', 'lead.gz'].includes(u.username)).map((u: { id: string }) => u.id)),
    );
    expect(ref.teams.map((x: { id: string }) => x.id)).toEqual(['dg-t1', 'gz-t1', 'gz-t2']);
    expect(ref.policy).toEqual(defaultPolicy);
    expect(ref.calendar.timeZone).toBe('Asia/Shanghai');
    expect(ref.calendar.holidays).toContain('2026-10-01');
    const scenarios = new Set(ref.scripts.map((s: { scenario: string; language: string }) => `${s.scenario}/${s.language}`));
    for (const s of ['opening', 'A', 'B', 'C']) for (const l of ['zh-CN', 'en']) expect(scenarios.has(`${s}/${l}`), `${s}/${l}`).toBe(true);
    expect(ref.scripts.every((s: { text: string }) => s.text.includes('{customerName}'))).toBe(true);
    // The agents' soothing scripts and the leads' callback scripts (scenarios A, B, C of the norm) are told apart.
    const leadScripts = new Set(
      ref.scripts.filter((s: { audience: string }) => s.audience === 'lead').map((s: { scenario: string; language: string }) => `${s.scenario}/${s.language}`),
    );
    for (const s of ['A', 'B', 'C']) for (const l of ['zh-CN', 'en']) expect(leadScripts.has(`${s}/${l}`), `lead ${s}/${l}`).toBe(true);
    expect(ref.scripts.filter((s: { audience: string }) => s.audience === 'agent').map((s: { scenario: string }) => s.scenario)).toContain('opening');

    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"ref-\d+"$/);
    const again = await api.request('GET', '/api/reference', { token: agent, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('admin changes bump the version and show in the reference', async () => {
    const before = (await api.request('GET', '/api/reference', { token: agent })).headers.etag;
    const branch = await api.request('POST', '/api/admin/branches', { token: admin, body: { id: 'sz', name: '深圳分公司', nameEn: 'Shenzhen' } });
    expect(branch.status).toBe(201);
    expect((await api.request('POST', '/api/admin/branches', { token: admin, body: { id: 'sz', name: 'again' } })).status).toBe(409);
    const team = await api.request('POST', '/api/admin/teams', { token: admin, body: { id: 'sz-t1', branchId: 'sz', name: '深圳一班' } });
    expect(team.status).toBe(201);
    const user = await api.request('POST', '/api/admin/users', {
      token: admin,
      body: { username: 'agent.sz', password: 'a-long-password', role: 'agent', branchId: 'sz', teamId: 'sz-t1', displayName: '林一', jobNumber: '3001' },
    });
    expect(user.status).toBe(201);
    expect(user.json.user).toMatchObject({ username: 'agent.sz', branchId: 'sz', teamId: 'sz-t1', jobNumber: '3001', disabled: false });
    const dup = await api.request('POST', '/api/admin/users', { token: admin, body: { username: 'agent.sz', password: 'a-long-password', role: 'agent', branchId: 'sz' } });
    expect(dup.status).toBe(409);
    const wrongTeam = await api.request('POST', '/api/admin/users', { token: admin, body: { username: 'x.sz', password: 'a-long-password', role: 'agent', branchId: 'gz', teamId: 'sz-t1' } });
    expect(wrongTeam.status).toBe(400);

    const res = await api.request('GET', '/api/reference', { token: agent, headers: { 'if-none-match': before as string } });
    expect(res.status).toBe(200);
    expect(res.headers.etag).not.toBe(before);
    expect(res.json.branches.map((b: { id: string }) => b.id)).toContain('sz');
    expect(res.json.users.some((u: { username: string }) => u.username === 'agent.sz')).toBe(true);

    // The new user signs in and works in the new branch.
    const sz = await api.login('agent.sz', 'a-long-password');
    const created = new EventFactory().created(sz.user);
    expect((await api.push(sz.token, [created])).json).toEqual([]);
  });

  it('disabling a user ends their sessions and sign-ins', async () => {
    const session = await api.login('agent2.gz');
    const id = session.user.id;
    const res = await api.request('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: true } });
    expect(res.status).toBe(200);
    expect(res.json.user.disabled).toBe(true);
    expect((await api.pull(session.token)).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { username: 'agent2.gz', password: 'demo1234' } })).status).toBe(401);
    const ref = (await api.request('GET', '/api/reference', { token: agent })).json;
    expect(ref.users.find((u: { id: string }) => u.id === id).active).toBe(false);
    await api.request('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: false, password: 'new-password-1' } });
    expect((await api.request('POST', '/api/auth/login', { body: { username: 'agent2.gz', password: 'new-password-1' } })).status).toBe(200);
    const self = await api.request('PATCH', `/api/admin/users/user-admin`, { token: admin, body: { disabled: true } });
    expect(self.status).toBe(409);
  });

  it('refuses the most common passwords and one equal to the username, on create and on change', async () => {
    const create = (username: string, password: string) =>
      api.request('POST', '/api/admin/users', { token: admin, body: { username, password, role: 'agent', branchId: 'gz' } });
    for (const [username, password] of <[string, string][]>[
      ['pw.one', 'password123'],
      ['pw.two', 'QWERTYUIOP'],
      ['pw.three', '1qaz2wsx'],
      ['pw.four', 'woaini1314'],
      ['Same.Name', 'same.name'],
      ['same.name2', 'SAME.NAME2'],
    ]) {
      const res = await create(username, password);
      expect(res.status, password).toBe(400);
      expect(res.json.error.message, password).toMatch(/^body password: /);
    }
    expect((await create('pw.ok', 'Lantern-Quietly-47')).status).toBe(201);
    const agent2 = 'user-agent2.gz';
    for (const password of ['iloveyou', 'Agent2.GZ']) {
      const res = await api.request('PATCH', `/api/admin/users/${agent2}`, { token: admin, body: { password } });
      expect(res.status, password).toBe(400);
      expect(res.json.error.message).toMatch(/password/);
    }
  });

  it('policy edits are validated with the shared schema and feed the server fold', async () => {
    const bad = await api.request('PUT', '/api/admin/policy', { token: admin, body: { dayEnd: '25:00' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_policy');
    const res = await api.request('PUT', '/api/admin/policy', {
      token: admin,
      body: { deadlines: { handlingWorkingDaysByGrade: { '1': 3, '2': 15, '3': 2, '4': 10 } }, calendar: { extraHolidays: ['2026-12-01'], extraWorkdays: [] } },
    });
    expect(res.status).toBe(200);
    expect(res.json.policy.revision).toBe(1);
    expect(res.json.policy.deadlines.handlingWorkingDaysByGrade['1']).toBe(3);
    const ref = (await api.request('GET', '/api/reference', { token: agent })).json;
    expect(ref.policy.revision).toBe(1);
    expect(ref.calendar.extraHolidays).toEqual(['2026-12-01']);
    expect(ref.calendar.holidays).toContain('2026-12-01');
    const settings = await t.server.settings.current();
    expect(settings.policy.deadlines.handlingWorkingDaysByGrade['1']).toBe(3);
    expect(settings.calendar.holidays.has('2026-12-01')).toBe(true);
  });

  it('scripts: create, edit, disable, delete', async () => {
    const created = await api.request('POST', '/api/admin/scripts', {
      token: admin,
      body: { language: 'zh-CN', scenario: 'A', category: 'attitude', title: '补充致歉', text: '{customerName},再次向您致歉。' },
    });
    expect(created.status).toBe(201);
    const id = created.json.script.id;
    const edited = await api.request('PATCH', `/api/admin/scripts/${id}`, { token: admin, body: { text: '{customerName},非常抱歉。', disabled: true } });
    expect(edited.json.script).toMatchObject({ text: '{customerName},非常抱歉。', disabled: true });
    let ref = (await api.request('GET', '/api/reference', { token: agent })).json;
    expect(ref.scripts.some((s: { id: string }) => s.id === id)).toBe(false);
    await api.request('PATCH', `/api/admin/scripts/${id}`, { token: admin, body: { disabled: false } });
    ref = (await api.request('GET', '/api/reference', { token: agent })).json;
    expect(ref.scripts.find((s: { id: string }) => s.id === id).text).toBe('{customerName},非常抱歉。');
    expect((await api.request('DELETE', `/api/admin/scripts/${id}`, { token: admin })).status).toBe(204);
    expect((await api.request('DELETE', `/api/admin/scripts/${id}`, { token: admin })).status).toBe(404);
  });
});
