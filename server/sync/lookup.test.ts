import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('event lookup on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'agent2.gz', 'lead.gz', 'agent.dg', 'director', 'admin'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  const lookup = (name: string, body: unknown) =>
    api.request('POST', '/api/sync/events/lookup', { token: as(name).token, body });
  const found = async (name: string, ids: string[]) =>
    ((await lookup(name, { ids })).json.documents as { id: string }[]).map((d) => d.id).sort();

  beforeAll(async () => {
  });

  it('returns stored documents with their server fields, as pull does', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    expect((await api.push(me.token, [created])).json).toEqual([]);
    const res = await lookup('agent.gz', { ids: [created.id, 'never-pushed'] });
    expect(res.status).toBe(200);
    expect(res.json.documents).toHaveLength(1);
    const pulled = (await api.pullAll(me.token)).documents.find((d) => d.id === created.id);
    expect(res.json.documents[0]).toEqual(pulled);
    expect(res.json.documents[0]).toMatchObject({ id: created.id, status: 'accepted', seq: expect.any(Number) });
  });

  it('answers accepted events in the caller scope only', async () => {
    const gz = f.created(as('agent.gz').user);
    const dg = f.created(as('agent.dg').user);
    await api.push(as('agent.gz').token, [gz]);
    await api.push(as('agent.dg').token, [dg]);
    const ids = [gz.id, dg.id];
    expect(await found('agent2.gz', ids)).toEqual([gz.id]);
    expect(await found('lead.gz', ids)).toEqual([gz.id]);
    expect(await found('agent.dg', ids)).toEqual([dg.id]);
    expect(await found('director', ids)).toEqual([...ids].sort());
    expect(await found('admin', ids)).toEqual([...ids].sort());
  });

  it('shows a rejected event, with its reason, to its author and admins only', async () => {
    const me = as('agent.gz');
    const bad = { ...f.created(me.user), payload: {} };
    const [answer] = (await api.push(me.token, [bad])).json;
    expect(answer).toMatchObject({ id: bad.id, status: 'rejected' });
    const mine = (await lookup('agent.gz', { ids: [bad.id] })).json.documents;
    expect(mine).toEqual([answer]);
    expect(mine[0].reason.code).toBe(answer.reason.code);
    expect(await found('admin', [bad.id])).toEqual([bad.id]);
    for (const name of ['agent2.gz', 'lead.gz', 'director']) expect(await found(name, [bad.id]), name).toEqual([]);
  });

  it('refuses a bad body with 400 and a missing token with 401', async () => {
    const bodies: unknown[] = [
      [],
      { ids: 'x' },
      { ids: [1] },
      { ids: [''] },
      { ids: ['a\u0000b'] },
      { ids: ['x'.repeat(201)] },
      { nope: [] },
      { ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) },
    ];
    for (const body of bodies) {
      const res = await lookup('agent.gz', body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.json.error.code).toMatch(/bad/);
    }
    const raw = await api.request('POST', '/api/sync/events/lookup', { token: as('agent.gz').token, raw: '{"ids":[' });
    expect(raw.status).toBe(400);
    expect((await api.request('POST', '/api/sync/events/lookup', { body: { ids: [] } })).status).toBe(401);
    expect((await lookup('agent.gz', { ids: [] })).json).toEqual({ documents: [] });
    expect((await lookup('agent.gz', { ids: Array.from({ length: 500 }, (_, i) => `id-${i}`) })).status).toBe(200);
  });
});
