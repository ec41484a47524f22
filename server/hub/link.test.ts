import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, EventFactory, storageKinds, type Json, type LoggedInUser, type TestServer } from '../test-support/harness';
import { startCentral, startTestHub, upstreamConfig } from '../test-support/hub-pair';

describe.each(storageKinds())('a branch hub and central on %s', (storage) => {
  let central: TestServer;
  let hub: TestServer;
  let c: ApiClient;
  let h: ApiClient;
  const f = new EventFactory();
  const at: Record<string, { token: string; user: LoggedInUser }> = {};
  const sync = () => hub.server.upstream?.syncNow();

  beforeAll(async () => {
    const started = await startCentral(storage);
    central = started.central;
    c = started.api;
    hub = await startTestHub(upstreamConfig(started.url, started.hubUser));
    h = new ApiClient(hub.server);
    await sync();
    for (const name of ['agent.gz', 'lead.gz']) at[name] = await h.login(name);
    for (const name of ['officer.gz', 'lead.gz', 'agent.dg']) at[`c:${name}`] = await c.login(name);
  });
  afterAll(async () => {
    await hub?.cleanup();
    await central?.cleanup();
  });

  const as = (name: string) => at[name] as { token: string; user: LoggedInUser };
  const health = async () => (await h.request('GET', '/health')).json.upstream as Json;

  it("mirrors the branch's sign-in verifiers only", async () => {
    expect((await h.request('POST', '/api/auth/login', { body: { username: 'agent.dg', password: 'demo1234' } })).status).toBe(401);
    expect((await h.request('POST', '/api/auth/login', { body: { username: 'director', password: 'demo1234' } })).status).toBe(401);
    expect(as('agent.gz').user.branchId).toBe('gz');
  });

  it('relays what its workstations push, unchanged, and central confirms it', async () => {
    const agent = as('agent.gz');
    const created = f.created(agent.user);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [created, note])).json).toEqual([]);
    // The lead two desks away sees it at once, with the WAN not even asked.
    expect((await h.pullAll(as('lead.gz').token)).documents.map((d) => d.id)).toEqual(expect.arrayContaining([created.id, note.id]));
    expect((await health()).pendingUp).toBe(2);
    const seqOf = async (id: string) => (await h.pullAll(agent.token)).documents.find((d) => d.id === id).seq as number;
    // Workstations mark an event confirmed by central only up to confirmedThrough.
    expect((await health()).confirmedThrough).toBeLessThan(await seqOf(created.id));
    await sync();
    expect(await health()).toMatchObject({ connected: true, pendingUp: 0, lastSyncAt: expect.any(String) });
    expect((await health()).confirmedThrough).toBeGreaterThanOrEqual(await seqOf(note.id));
    const atCentral = (await c.pullAll(as('c:lead.gz').token)).documents;
    expect(atCentral.find((d) => d.id === note.id)).toMatchObject({ ...note, status: 'accepted' });
    const hubView = (await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).json;
    const centralView = (await c.request('GET', `/api/complaints/${created.complaintId}`, { token: as('c:lead.gz').token })).json;
    expect(hubView).toEqual(centralView);
  });

  it("brings down what central's users wrote for the branch, and nothing of another branch", async () => {
    const officer = as('c:officer.gz');
    const created = f.created(officer.user);
    expect((await c.push(officer.token, [created])).json).toEqual([]);
    const dg = f.created(as('c:agent.dg').user);
    expect((await c.push(as('c:agent.dg').token, [dg])).json).toEqual([]);
    await sync();
    const docs = (await h.pullAll(as('lead.gz').token)).documents;
    expect(docs.find((d) => d.id === created.id)).toMatchObject({ ...created, status: 'accepted' });
    const onHub = await hub.server.db.query<{ n: unknown }>(`select count(*) as n from events where doc like '%"branchId":"dg"%'`);
    expect(Number(onHub[0]?.n)).toBe(0);
  });

  it("turns an event central refuses into a rejection on the hub, with central's reason, and the complaint that left goes", async () => {
    const agent = as('agent.gz');
    const officer = as('c:officer.gz');
    const created = f.created(agent.user);
    await h.push(agent.token, [created]);
    await sync();
    // Central transfers the complaint to dg while the branch writes a note on it.
    const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
    expect((await c.push(officer.token, [transfer])).json).toEqual([]);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [note])).json).toEqual([]);
    const before = await h.pullAll(agent.token);
    await sync();
    const after = (await h.pullAll(agent.token, before.seq)).documents;
    expect(after.find((d) => d.id === note.id)).toMatchObject({ status: 'rejected', reason: { code: 'out_of_scope' } });
    expect(after.find((d) => d.id === transfer.id)).toMatchObject({ status: 'accepted' });
    expect((await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).status).toBe(404);
    const kept = await hub.server.db.query<{ type: string; status: string }>('select type, status from events where complaint_id = $1 order by type', [
      created.complaintId,
    ]);
    expect(kept).toEqual([
      { type: 'complaint.transferred', status: 'accepted' },
      { type: 'note.added', status: 'rejected' },
    ]);
  });
});
