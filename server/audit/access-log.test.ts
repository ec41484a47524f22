import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { EventFactory, storageKinds, type Json } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const WORKSTATION = 'ws-0123456789abcdef';

describe.each(storageKinds())('access log on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'lead.gz', 'quality.gz', 'supervisor.gz', 'agent.dg', 'director', 'admin'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  let gz: string;
  let dg: string;

  const record = (over: Record<string, unknown>) => ({
    id: uuidv7(),
    action: 'view',
    complaintIds: [gz],
    fields: ['complainant.name', 'complainant.phone'],
    at: '2026-11-23T02:00:00.000Z',
    workstationId: WORKSTATION,
    ...over,
  });
  const upload = (name: string, records: unknown[]) => api.request('POST', '/api/audit/access', { token: as(name).token, body: { records } });
  const list = (name: string, query = '') => api.request('GET', `/api/audit/access${query}`, { token: as(name).token });

  beforeAll(async () => {
    const a = f.created(as('agent.gz').user);
    const b = f.created(as('agent.dg').user);
    gz = a.complaintId;
    dg = b.complaintId;
    expect((await api.push(as('agent.gz').token, [a])).json).toEqual([]);
    expect((await api.push(as('agent.dg').token, [b])).json).toEqual([]);
  });

  it('stores each record once, under the caller, with nothing personal in it', async () => {
    const r = record({});
    expect((await upload('agent.gz', [r])).json.stored).toBe(1);
    // The same upload again (its answer was lost): nothing new.
    expect((await upload('agent.gz', [r])).json.stored).toBe(0);
    const got = await list('admin', `?complaintId=${gz}`);
    expect(got.status).toBe(200);
    const entry = got.json.items.find((i: Json) => i.id === r.id);
    expect(entry).toMatchObject({
      userId: as('agent.gz').user.id,
      role: 'agent',
      userBranchId: 'gz',
      workstationId: WORKSTATION,
      action: 'view',
      detail: 'complainant.name,complainant.phone',
      complaintCount: 1,
      at: '2026-11-23T02:00:00.000Z',
    });
    expect(entry.complaints).toEqual([{ id: gz, number: expect.any(String) }]);
    const stored = await t.server.db.query<Json>('select * from access_log where id = $1', [r.id]);
    expect(JSON.stringify(stored)).not.toMatch(/张三|13800138000/);
  });

  it('records prints and exports, an export naming its report', async () => {
    const print = record({ action: 'print' });
    const exp = record({ action: 'export', fields: undefined, report: 'complaints-csv', complaintIds: [gz, dg] });
    expect((await upload('director', [print, exp])).json.stored).toBe(2);
    const got = await list('admin', '?action=export');
    expect(got.json.items.map((i: Json) => i.id)).toContain(exp.id);
    expect(got.json.items.every((i: Json) => i.action === 'export')).toBe(true);
    expect(got.json.items.find((i: Json) => i.id === exp.id)).toMatchObject({ detail: 'complaints-csv', complaintCount: 2 });
  });

  it('scopes a quality manager to their branch: its users, and its complaints only', async () => {
    const own = record({});
    const foreignUserOnOwnComplaint = record({ complaintIds: [gz] });
    const foreign = record({ complaintIds: [dg] });
    const mixed = record({ action: 'export', fields: undefined, report: 'report-xlsx', complaintIds: [gz, dg] });
    await upload('lead.gz', [own]);
    await upload('agent.dg', [foreignUserOnOwnComplaint, foreign]);
    await upload('director', [mixed]);
    const got = await list('quality.gz', '?limit=200');
    expect(got.status).toBe(200);
    const ids = got.json.items.map((i: Json) => i.id);
    expect(ids).toContain(own.id);
    expect(ids).toContain(foreignUserOnOwnComplaint.id);
    expect(ids).toContain(mixed.id);
    expect(ids).not.toContain(foreign.id);
    // The director's export lists, for this reader, only the complaint of their branch.
    expect(got.json.items.find((i: Json) => i.id === mixed.id).complaints.map((c: Json) => c.id)).toEqual([gz]);
    const all = await list('admin', '?limit=200');
    expect(all.json.items.map((i: Json) => i.id)).toContain(foreign.id);
  });

  it('only admins and quality managers read it; everyone uploads', async () => {
    for (const name of ['agent.gz', 'lead.gz', 'supervisor.gz', 'director']) {
      expect((await list(name)).status).toBe(403);
    }
    expect((await api.request('GET', '/api/audit/access')).status).toBe(401);
    expect((await api.request('POST', '/api/audit/access', { body: { records: [record({})] } })).status).toBe(401);
  });

  it('pages newest first with a cursor', async () => {
    const records = Array.from({ length: 5 }, () => record({}));
    await upload('agent.gz', records);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await list('admin', `?userId=${as('agent.gz').user.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.json.items.map((i: Json) => i.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual(records.map((r) => r.id).reverse());
  });

  it('refuses malformed uploads and queries with 400, never a 500', async () => {
    const bad = [
      {},
      { records: [] },
      { records: [record({ action: 'read' })] },
      { records: [record({ action: 'export' })] },
      { records: [record({ report: 'complaints-csv' })] },
      { records: [record({ complaintIds: [] })] },
      { records: [record({ complaintIds: ['a\u0000b'.repeat(40)] })] },
      { records: [record({ at: 'yesterday' })] },
      { records: [record({ workstationId: 'x' })] },
      { records: [record({ userId: 'someone-else' })] },
      { records: Array.from({ length: 21 }, () => record({})) },
    ];
    for (const body of bad) expect((await api.request('POST', '/api/audit/access', { token: as('agent.gz').token, body })).status).toBe(400);
    for (const q of ['?limit=0', '?limit=abc', '?cursor=x', '?action=read', '?from=yesterday', '?complaintId=' + 'x'.repeat(80), '?other=1']) {
      expect((await list('admin', q)).status, q).toBe(400);
    }
  });
});
