import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlainText } from '../../shared/protocol/plain-text';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

/** Control characters that no one-line field may hold (line breaks included: names are one line). */
const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })).map((c) => String.fromCharCode(c));

/** A value a text field must refuse with 400: a control character or lone surrogate inside ordinary text (not at an end, where trimming takes white space off), overlong text, or not text at all. */
const hostileText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), fc.oneof(control, loneSurrogate), fc.string({ maxLength: 10 })).map(([a, x, b]) => `ok${a.replace(/[\ud800-\udfff]/g, '')}${x}${b.replace(/[\ud800-\udfff]/g, '')}end`),
  fc.integer({ min: 2_001, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 })),
);

/** Whatever a probe gets: a 4xx in the error envelope with a message, never a 5xx. */
function expectRefused(res: { status: number; json: { error?: { code?: unknown; message?: unknown } }; body: string }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.body.slice(0, 200)}`).toBe(400);
  expect(res.json.error?.code, what).toBeTypeOf('string');
  expect(res.json.error?.message, what).toMatch(/\S/);
}

describe.each(storageKinds())('hostile text in the admin, workstation, reference and sign-in routes on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    admin = (await api.login('admin')).token;
    agent = (await api.login('agent.gz')).token;
  });

  const probes: { method: string; url: string; valid: Record<string, unknown>; fields: string[]; token: () => string | undefined }[] = [
    { method: 'POST', url: '/api/auth/login', valid: { username: 'agent.gz', password: 'x-wrong-password' }, fields: ['username'], token: () => undefined },
    {
      method: 'POST',
      url: '/api/admin/users',
      valid: { username: 'probe.user', password: 'a-long-password', role: 'agent', branchId: 'gz', teamId: 'gz-t1', displayName: '探针', jobNumber: '7001' },
      fields: ['username', 'password', 'displayName', 'branchId', 'teamId', 'jobNumber', 'role', 'id'],
      token: () => admin,
    },
    { method: 'PATCH', url: '/api/admin/users/user-agent2.gz', valid: { displayName: '李俊杰' }, fields: ['displayName', 'password', 'branchId', 'disabled'], token: () => admin },
    { method: 'POST', url: '/api/admin/branches', valid: { id: 'probe-b', name: '探针', nameEn: 'Probe' }, fields: ['id', 'name', 'nameEn'], token: () => admin },
    { method: 'PATCH', url: '/api/admin/branches/gz', valid: { name: '广州分公司' }, fields: ['name', 'nameEn', 'disabled'], token: () => admin },
    { method: 'POST', url: '/api/admin/teams', valid: { id: 'probe-t', branchId: 'gz', name: '探针' }, fields: ['id', 'branchId', 'name', 'leadId'], token: () => admin },
    { method: 'PATCH', url: '/api/admin/teams/gz-t2', valid: { name: '广州二班' }, fields: ['name', 'leadId'], token: () => admin },
    {
      method: 'POST',
      url: '/api/admin/scripts',
      valid: { language: 'en', scenario: 'A', title: 'Probe', text: 'Sorry, {customerName}.' },
      fields: ['language', 'scenario', 'title', 'text', 'category', 'id'],
      token: () => admin,
    },
    { method: 'PATCH', url: '/api/admin/scripts/opening-en', valid: { title: 'Opening' }, fields: ['title', 'text', 'sort'], token: () => admin },
    { method: 'POST', url: '/api/workstations', valid: { workstationId: 'ws-probe-0001' }, fields: ['workstationId', 'branchId'], token: () => agent },
  ];

  it.each(probes.map((p) => [`${p.method} ${p.url}`, p] as const))('%s: a hostile field is a 400 with a message, never a 5xx', async (_name, p) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...p.fields), hostileText, async (field, value) => {
        // Multi-line script text may hold line breaks and tabs; every other control character is refused there too.
        // A right-typed value of a field that is not text is no probe.
        if ((field === 'disabled' && typeof value === 'boolean') || (field === 'sort' && Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000)) return;
        if (field === 'text' && typeof value === 'string' && isPlainText(value, true) && value.length <= 2000) return;
        const res = await api.request(p.method, p.url, { token: p.token(), body: { ...p.valid, [field]: value } });
        expectRefused(res, `${field}=${JSON.stringify(value).slice(0, 40)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('hostile path parameters are a 400, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText.filter((v) => typeof v === 'string'), fc.constantFrom('users', 'branches', 'teams', 'scripts'), async (id, what) => {
        // A lone surrogate cannot be percent-encoded: send the invalid UTF-8 bytes of one (ED A0 80) in its place.
        const encoded = encodeURIComponent((id as string).replace(/[\ud800-\udfff]/g, '\ue000')).replaceAll('%EE%80%80', '%ED%A0%80');
        const res = await api.request('PATCH', `/api/admin/${what}/${encoded}`, { token: admin, body: { disabled: false } });
        expectRefused(res, `${what}/${JSON.stringify(id).slice(0, 40)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('bodies of the wrong shape are a 400', async () => {
    for (const body of [null, [], 'text', 42, { username: { $gt: '' }, password: ['x'] }]) {
      for (const p of probes) {
        const res = await api.request(p.method, p.url, { token: p.token(), raw: JSON.stringify(body) });
        expectRefused(res, `${p.method} ${p.url} ${JSON.stringify(body)}`);
      }
    }
  });

  it('the reference answers hostile headers and queries without a 5xx', async () => {
    for (const url of ['/api/reference?x=%00', '/api/reference?x=%ud800', `/api/reference?${'x'.repeat(5000)}=1`]) {
      const res = await api.request('GET', url, { token: agent, headers: { 'if-none-match': '"\u0001\u007f"' } });
      expect(res.status, url.slice(0, 40)).toBe(200);
    }
  });

  it('duplicates in the admin API are 409, whatever the case of a username or the race between two admins', async () => {
    const create = (path: string, body: unknown) => api.request('POST', `/api/admin/${path}`, { token: admin, body });
    expect((await create('branches', { id: 'dup-b', name: 'Dup' })).status).toBe(201);
    expect((await create('branches', { id: 'dup-b', name: 'Again' })).status).toBe(409);
    expect((await create('teams', { id: 'dup-t', branchId: 'dup-b', name: 'Dup' })).status).toBe(201);
    expect((await create('teams', { id: 'dup-t', branchId: 'dup-b', name: 'Again' })).status).toBe(409);
    expect((await create('scripts', { id: 'dup-s', language: 'en', scenario: 'A', title: 'T', text: 'x' })).status).toBe(201);
    expect((await create('scripts', { id: 'dup-s', language: 'en', scenario: 'A', title: 'T', text: 'x' })).status).toBe(409);
    const user = { username: 'dup.user', password: 'a-long-password', role: 'agent', branchId: 'gz' };
    expect((await create('users', user)).status).toBe(201);
    expect((await create('users', { ...user, username: 'DUP.User' })).status).toBe(409);
    // A chosen id already held by another user.
    const sameId = await create('users', { ...user, username: 'other.user', id: 'user-agent.gz' });
    expect(sameId.status).toBe(409);
    expect(sameId.json.error.code).toBe('username_taken');
    // Two admins at once: one wins, the other is told, nobody gets a 500.
    const race = await Promise.all([1, 2, 3, 4].map((i) => create('users', { ...user, username: i % 2 ? 'race.user' : 'Race.User' })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});
