import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, EventFactory, startTestServer, storageKinds, type TestServer } from '../test-support/harness';

/**
 * Query strings, headers and bodies of the routes that read their input by
 * hand (pull, stream, lookup, the complaint list and projection, reports,
 * repeat check) and of the zod-declared list and upload routes: whatever a
 * probe sends, the answer is a 2xx or a 4xx in the error envelope, never a 5xx.
 */

/** Raw query values, already in URL form: NUL and control characters, broken encodings, huge and odd numbers, long text. */
const rawValue = fc.oneof(
  fc.constantFrom(
    '%00', 'a%00b', '%ED%A0%80', '%ED%B0%80x', '%', '%zz', '%E2%80%AE', '%0A', '%0D%0A', '%7F', '%C2%80', '%1F',
    '1e400', '1e21', '99999999999999999999999', '9007199254740993', '999999999999999', '-1', '-0', '1.5', 'NaN', 'Infinity',
    '0x10', '%201', '1%20', '%EF%BC%91', '[]', '{}', 'null', 'true', '', '%2C%2C', ',', '1,', '0000-01-01', '9999-12-31',
    '-000001-01-01', '2026-02-30', '+275760-09-13', "'%20or%20'1'='1", '..%2F..%2Fetc',
  ),
  fc.string({ maxLength: 12, unit: 'binary' }).map(encodeURIComponent),
  fc.string({ maxLength: 6 }).map((s) => encodeURIComponent(`${s}\u0000${s}`)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: 501, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('eyJzIjoxZTQwMH0', 'eyJzIjotMX0', 'eyJzIjoiMSJ9', 'bnVsbA', 'eyJzIjpudWxsfQ', 'eyJzIjoxLjV9', '____'),
);

/** The same name twice, or a value in brackets: the parser may give an array or an object. */
const shape = fc.constantFrom('one', 'twice', 'bracket');

function query(name: string, value: string, how: string): string {
  if (how === 'twice') return `${name}=${value}&${name}=${value}`;
  if (how === 'bracket') return `${name}[]=${value}&${name}[x]=${value}`;
  return `${name}=${value}`;
}

const routes: { path: string; names: string[]; who: 'agent' | 'director' | 'admin' }[] = [
  { path: '/api/sync/events/pull', names: ['seq', 'limit'], who: 'agent' },
  { path: '/api/sync/bootstrap', names: ['upTo', 'after', 'limit'], who: 'agent' },
  { path: '/api/complaints', names: ['status', 'branchId', 'grade', 'overdue', 'limit', 'cursor'], who: 'director' },
  { path: '/api/reports/summary', names: ['from', 'to', 'branchId', 'teamId', 'agentId'], who: 'director' },
  { path: '/api/reports/assessment', names: ['from', 'to', 'branchId', 'teamId', 'agentId'], who: 'director' },
  { path: '/api/audit/access', names: ['from', 'to', 'complaintId', 'userId', 'limit', 'cursor', 'action'], who: 'admin' },
  { path: '/api/admin/erasures', names: ['limit', 'cursor', 'from', 'to'], who: 'admin' },
];

function expectNoServerError(res: { status: number; body: string }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(JSON.parse(res.body).error.code, what).toBeTypeOf('string');
    expect(res.body, what).not.toMatch(/at .*\.ts:\d+|node_modules/);
  }
}

describe.each(storageKinds())('hostile query strings, headers and bodies on %s', (storage) => {
  let t: TestServer;
  let api: ApiClient;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(storage);
    api = new ApiClient(t.server);
    for (const [who, name] of [['agent', 'agent.gz'], ['director', 'director'], ['admin', 'admin']] as const) tokens[who] = (await api.login(name)).token;
  });
  afterAll(async () => t?.cleanup());

  it.each(routes.map((r) => [r.path, r] as const))('%s: any query value is answered without a 5xx', async (_path, r) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...r.names), rawValue, shape, async (name, value, how) => {
        // The report routes need a valid period for their other parameters to be read at all.
        const period = r.path.startsWith('/api/reports') && name !== 'from' && name !== 'to' ? '&from=2026-11-01&to=2026-11-30' : '';
        const url = `${r.path}?${query(name, value, how)}${period}`;
        const res = await api.request('GET', url, { token: tokens[r.who] });
        expectNoServerError(res, url.slice(0, 120));
      }),
      { numRuns: 60 },
    );
  });

  it('hostile bearer tokens on pull, stream and lookup are a 401, never a 5xx', async () => {
    const hostileToken = fc.oneof(
      fc.string({ maxLength: 40 }).filter((s) => /^[\x21-\x7e]*$/.test(s)),
      fc.integer({ min: 1000, max: 20_000 }).map((n) => 'a'.repeat(n)),
      fc.constantFrom('%00', 'null', 'undefined', "' or 1=1 --", '\u00e9\u00e8'),
    );
    await fc.assert(
      fc.asyncProperty(hostileToken, fc.constantFrom('/api/sync/events/pull', '/api/sync/events/stream?seq=%00', '/api/sync/events/lookup'), async (token, path) => {
        const method = path.endsWith('lookup') ? 'POST' : 'GET';
        const res = await api.request(method, path, { headers: { authorization: `Bearer ${token}` }, body: method === 'POST' ? { ids: ['x'] } : undefined });
        expect([400, 401], `${path} ${token.slice(0, 20)} → ${res.status}`).toContain(res.status);
      }),
      { numRuns: 40 },
    );
  });

  it('hostile lookup bodies are a 200 or a 4xx, never a 5xx', async () => {
    const id = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.string({ maxLength: 6 }).map((s) => `${s}\u0000${s}`),
      fc.constantFrom('\ud800', 'a\udfffb', '', ' ', "'; drop table events; --", 'x'.repeat(201), 'x'.repeat(100_000)),
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }))),
    );
    const body = fc.oneof(
      fc.array(id, { maxLength: 8 }).map((ids) => ({ ids })),
      fc.array(id, { minLength: 1, maxLength: 3 }).map((ids) => ({ ids, extra: ids[0] })),
      fc.integer({ min: 501, max: 600 }).map((n) => ({ ids: Array.from({ length: n }, (_, i) => `id-${i}`) })),
      fc.constantFrom<unknown>(null, [], 'ids', 42, { ids: 'x' }, { ids: null }, { ids: { length: 1e9 } }, { IDS: [] }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await api.request('POST', '/api/sync/events/lookup', { token: tokens.agent, raw: JSON.stringify(b) ?? 'null' });
        expectNoServerError(res, JSON.stringify(b).slice(0, 80));
      }),
      { numRuns: 60 },
    );
  });

  it('hostile access-log uploads are a 4xx, never a 5xx', async () => {
    const valid = { id: '0190f0c0-0000-7000-8000-000000000001', action: 'view', complaintIds: ['c-1'], fields: ['name'], at: '2026-11-23T02:00:00.000Z', workstationId: 'ws-probe-0001' };
    const value = fc.oneof(
      fc.string({ maxLength: 6 }).map((s) => `${s}\u0000${s}`),
      fc.constantFrom('\ud800', 'a\udfffb', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '-000001-01-01T00:00:00Z', '', 'x'.repeat(100_000)),
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }))),
    );
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom('id', 'complaintIds', 'at', 'workstationId', 'fields', 'action'), async (v, field) => {
        const record = { ...valid, [field]: field === 'complaintIds' || field === 'fields' ? [v] : v };
        const res = await api.request('POST', '/api/audit/access', { token: tokens.agent, raw: JSON.stringify({ records: [record] }) });
        expectNoServerError(res, `${field}=${JSON.stringify(v).slice(0, 40)}`);
      }),
      { numRuns: 40 },
    );
  });

  it("a branch hub's hostile relays are answered without a 5xx", async () => {
    const password = 'probe-hub-password-1';
    await api.request('POST', '/api/admin/users', { token: tokens.admin, body: { username: 'hub.probe', password, role: 'hub', branchId: 'gz' } });
    const hub = (await api.login('hub.probe', password)).token;
    const agent = (await api.login('agent.gz')).user;
    const f = new EventFactory();
    const value = fc.oneof(
      fc.string({ maxLength: 6 }).map((s) => `${s}\u0000${s}`),
      fc.constantFrom('\ud800', 'a\udfffb', '', 'x'.repeat(300), '0000-01-01T00:00:00Z'),
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }))),
    );
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom('id', 'actorId', 'complaintId', 'branchId', 'type', 'hlc', 'payload'), async (v, field) => {
        const events = [{ ...f.created(agent), [field]: v }, f.created(agent)];
        const res = await api.request('POST', '/api/sync/relay', { token: hub, raw: JSON.stringify({ events }) });
        expectNoServerError(res, `${field}=${JSON.stringify(v).slice(0, 40)}`);
      }),
      { numRuns: 40 },
    );
    const checkin = await api.request('POST', '/api/sync/hub/checkin', { token: hub, raw: '{"pendingUp":1e400}' });
    expectNoServerError(checkin, 'checkin 1e400');
  });

  it('hostile repeat-check bodies and complaint ids are a 4xx, never a 5xx', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.string({ maxLength: 6 }).map((s) => `1${s}\u0000${s}`),
      fc.constantFrom('\ud800', '138\udfff0000', '9'.repeat(41), '+86 (138) 0000-0000', '1e400'),
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
    );
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom('phone', 'category'), async (v, field) => {
        const res = await api.request('POST', '/api/complaints/repeat-check', {
          token: tokens.director,
          raw: JSON.stringify({ phone: '13800000000', category: 'attitude', [field]: v }),
        });
        // 429 is the checker's rate limit, an answer too.
        if (res.status !== 429) expectNoServerError(res, `${field}=${JSON.stringify(v).slice(0, 40)}`);
      }),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(rawValue, async (v) => {
        const res = await api.request('GET', `/api/complaints/${v}`, { token: tokens.director });
        expectNoServerError(res, v.slice(0, 60));
      }),
      { numRuns: 60 },
    );
  });
});
