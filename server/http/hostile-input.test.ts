import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

/** Whatever arrives, the answer is a 4xx or a rejected event: never a 5xx, never half a batch stored. */
describe.each(storageKinds())('hostile input on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  let me: { token: string; user: LoggedInUser };
  const f = new EventFactory();

  beforeAll(async () => {
    me = await api.login('agent.gz');
  });

  const eventCount = async () => Number((await t.server.db.query<{ n: unknown }>('select count(*) as n from events'))[0]?.n);

  it('malformed JSON, wrong content types and empty bodies are 4xx', async () => {
    const raws = ['{', '[1,2', 'null', '"text"', '42', '[]]', '\u0000', '{"__proto__":{"x":1}}', '[{"newDocumentState":{"id":"a","__proto__":{}}}]'];
    for (const raw of raws) {
      const res = await api.request('POST', '/api/sync/events/push', { token: me.token, raw });
      expect(res.status, raw).toBeGreaterThanOrEqual(400);
      expect(res.status, raw).toBeLessThan(500);
      expect(res.json.error.code).toBeTypeOf('string');
      expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
    }
    const xml = await api.request('POST', '/api/sync/events/push', { token: me.token, raw: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBeGreaterThanOrEqual(400);
    expect(xml.status).toBeLessThan(500);
    const empty = await api.request('POST', '/api/sync/events/push', { token: me.token, headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
  });

  it('hostile documents are rejected events, stored whole or in part, and never 5xx', async () => {
    // Built as text: JSON.stringify itself cannot write this deep.
    const DEEP = '__DEEP__';
    const deep = `${'['.repeat(5000)}"bottom"${']'.repeat(5000)}`;
    const sqlish = "'; drop table events; --";
    const docs = [
      { ...f.created(me.user), payload: DEEP },
      { ...f.created(me.user), payload: { nested: DEEP } },
      { ...f.created(me.user), complaintId: sqlish, payload: { description: sqlish } },
      { ...f.created(me.user), complaintId: 'c\u0000x', actorId: '\u0000', type: 'a\u0000b' },
      { ...f.created(me.user), hlc: '\ud800' },
      { ...f.created(me.user), payload: { description: 'x'.repeat(200_000) } },
      { ...f.created(me.user), branchId: { $ne: null }, v: 1e308, _deleted: true },
      { ...f.created(me.user), payload: 'not an object', occurredAt: 'yesterday' },
      { id: `${sqlish}x`, complaintId: [], type: null },
      { id: 'ctl\u0001\u001f\u007f', payload: { text: '\u202e\u0007' } },
    ];
    const before = await eventCount();
    const body = JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }))).replaceAll(`"${DEEP}"`, deep);
    const push = () => api.request('POST', '/api/sync/events/push', { token: me.token, raw: body });
    const res = await push();
    expect(res.status, res.body.slice(0, 300)).toBe(200);
    const answer = res.json as { id: string; status: string; reason: { code: string } }[];
    expect(answer).toHaveLength(docs.length);
    for (const doc of answer) {
      expect(doc.status).toBe('rejected');
      expect(doc.reason.code).toMatch(/^[a-z_]+$/);
    }
    expect(await eventCount()).toBe(before + docs.length);
    // The tables are intact and the author can pull everything back.
    const pulled = await api.pullAll(me.token);
    for (const d of docs) expect(pulled.documents.some((p) => p.id === d.id)).toBe(true);
    // Pushing the same hostile batch again is a repeat, not new data.
    expect((await push()).json).toEqual([]);
    expect(await eventCount()).toBe(before + docs.length);
  });

  it('a database error in the middle of a batch stores nothing of it', async () => {
    const good = f.created(me.user);
    const before = await eventCount();
    // Break the projection table for one write, so the batch fails after its events were inserted.
    await t.server.db.exec('alter table complaints add constraint no_numbers check (number is null)');
    try {
      const res = await api.push(me.token, [good]);
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe('internal');
      expect(res.body).not.toMatch(/constraint|no_numbers|complaints/);
    } finally {
      await t.server.db.exec('alter table complaints drop constraint no_numbers');
    }
    expect(await eventCount()).toBe(before);
    expect((await api.push(me.token, [good])).json).toEqual([]);
    expect(await eventCount()).toBe(before + 1);
  });

  it('query strings and path parameters cannot break the read endpoints', async () => {
    const nasty = [
      "' or '1'='1",
      '%00',
      '%ud800',
      'x'.repeat(5000),
      '1;select pg_sleep(10)',
      '../../etc/passwd',
      '%E2%80%AE',
    ];
    for (const v of nasty) {
      for (const url of [
        `/api/complaints/${encodeURIComponent(v)}`,
        `/api/complaints?status=${encodeURIComponent(v)}`,
        `/api/complaints?branchId=${encodeURIComponent(v)}`,
        `/api/complaints?grade=${encodeURIComponent(v)}`,
        `/api/complaints?cursor=${encodeURIComponent(v)}`,
        `/api/complaints?limit=${encodeURIComponent(v)}`,
        `/api/sync/events/pull?seq=${encodeURIComponent(v)}`,
        `/api/sync/events/pull?limit=${encodeURIComponent(v)}`,
      ]) {
        const res = await api.request('GET', url, { token: me.token });
        expect(res.status, url.slice(0, 80)).toBeLessThan(500);
      }
    }
    const raw = await api.request('GET', '/api/complaints/%00', { token: me.token });
    expect(raw.status).toBe(404);
    const arr = await api.request('GET', '/api/complaints?status=a&status=b', { token: me.token });
    expect(arr.status).toBe(400);
  });

  it('hostile admin and login bodies are 4xx', async () => {
    const admin = await api.login('admin');
    const bodies = [
      ['POST', '/api/admin/users', { username: "x'; drop table users; --", password: 'p', role: 'god' }],
      ['POST', '/api/admin/users', { username: 'ok.name', password: 'x'.repeat(10_000), role: 'agent', branchId: 'gz' }],
      ['POST', '/api/admin/branches', { id: '\u0000', name: 'x' }],
      ['PUT', '/api/admin/policy', { deadlines: { handlingWorkingDaysByGrade: { '1': -5 } } }],
      ['PUT', '/api/admin/policy', 'string'],
      ['PATCH', '/api/admin/users/%00', { displayName: 'x' }],
      ['POST', '/api/admin/scripts', { language: 'xx', scenario: 'A', title: 't', text: 'x' }],
    ] as const;
    for (const [method, url, body] of bodies) {
      const res = await api.request(method, url, { token: admin.token, body });
      expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url}`).toBeLessThan(500);
    }
    const login = await api.request('POST', '/api/auth/login', { body: { username: { $gt: '' }, password: ['x'] } });
    expect(login.status).toBe(400);
  });
});
