import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds, type Json, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const HUB_PASSWORD = 'relay-hub-password-1';

describe.each(storageKinds())('relay from a branch hub on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const f = new EventFactory();
  const who: Record<string, { token: string; user: LoggedInUser }> = {};

  beforeAll(async () => {
    for (const name of ['agent.gz', 'lead.gz', 'officer.gz', 'agent.dg', 'supervisor.dg', 'admin']) who[name] = await api.login(name);
    const created = await api.request('POST', '/api/admin/users', {
      token: who.admin?.token,
      body: { username: 'hub.gz', password: HUB_PASSWORD, role: 'hub', branchId: 'gz' },
    });
    expect(created.status).toBe(201);
    who['hub.gz'] = await api.login('hub.gz', HUB_PASSWORD);
  });

  const as = (name: string) => who[name] as { token: string; user: LoggedInUser };
  const relay = (events: unknown[], name = 'hub.gz') => api.request('POST', '/api/sync/relay', { token: as(name).token, body: { events } });
  const verdictOf = (res: { json: Json }, id: string) => (res.json.verdicts as Json[]).find((v) => v.id === id);

  it('a hub account needs a branch', async () => {
    const res = await api.request('POST', '/api/admin/users', {
      token: as('admin').token,
      body: { username: 'hub.nowhere', password: HUB_PASSWORD, role: 'hub' },
    });
    expect(res.status).toBe(400);
  });

  it('the hub account writes nothing itself: its own push is refused', async () => {
    const hub = as('hub.gz');
    const doc = f.created({ id: hub.user.id, branchId: 'gz' });
    const res = await api.push(hub.token, [doc]);
    expect(res.json[0]).toMatchObject({ id: doc.id, status: 'rejected', reason: { code: 'role_not_allowed' } });
  });

  it('stores relayed events unchanged, as their actors wrote them, and records the hub', async () => {
    const agent = as('agent.gz');
    const created = f.created(agent.user);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    const res = await relay([created, note]);
    expect(res.status).toBe(200);
    expect(res.json.verdicts).toEqual([
      { id: created.id, status: 'accepted' },
      { id: note.id, status: 'accepted' },
    ]);
    const { documents } = await api.pullAll(as('lead.gz').token);
    const pulled = documents.find((d) => d.id === note.id);
    expect(pulled).toMatchObject({ ...note, status: 'accepted' });
    const rows = await t.server.db.query<{ pushed_by: string; relayed_by: string }>('select pushed_by, relayed_by from events where id = $1', [note.id]);
    expect(rows[0]).toEqual({ pushed_by: agent.user.id, relayed_by: as('hub.gz').user.id });
  });

  it('is idempotent: the same events again give the same verdicts and store nothing new', async () => {
    const agent = as('agent.gz');
    const created = f.created(agent.user);
    const first = await relay([created]);
    const before = await api.pullAll(as('lead.gz').token);
    const again = await relay([created, created]);
    expect(again.json.verdicts).toEqual(first.json.verdicts);
    expect((await api.pullAll(as('lead.gz').token, before.seq)).documents).toEqual([]);
  });

  it('refuses an actor of another branch, an event for another branch, and what the actor could not write', async () => {
    const dgCreated = f.created(as('agent.dg').user);
    const gzForDg = f.created({ id: as('agent.gz').user.id, branchId: 'dg' });
    const agentGz = f.created(as('agent.gz').user);
    const transfer = f.make('complaint.transferred', {
      complaintId: agentGz.complaintId,
      actorId: as('agent.gz').user.id,
      branchId: 'gz',
    });
    const res = await relay([dgCreated, gzForDg, agentGz, transfer]);
    expect(verdictOf(res, dgCreated.id)).toMatchObject({ status: 'rejected', reason: { code: 'actor_mismatch' } });
    expect(verdictOf(res, gzForDg.id)).toMatchObject({ status: 'rejected', reason: { code: 'out_of_scope' } });
    expect(verdictOf(res, agentGz.id)).toMatchObject({ status: 'accepted' });
    expect(verdictOf(res, transfer.id)).toMatchObject({ status: 'rejected', reason: { code: 'role_not_allowed' } });
    // The refused event is its author's: agent.gz pulls its rejection, agent.dg sees nothing of gz's.
    const mine = await api.pullAll(as('agent.gz').token);
    expect(mine.documents.find((d) => d.id === transfer.id)).toMatchObject({ status: 'rejected' });
    const dg = await api.pullAll(as('agent.dg').token);
    expect(dg.documents.some((d) => d.id === dgCreated.id || d.id === agentGz.id)).toBe(false);
  });

  it('refuses a note on a complaint central moved to another branch', async () => {
    const officer = as('officer.gz');
    const created = f.created(officer.user);
    await api.push(officer.token, [created]);
    const transfer = f.make('complaint.transferred', {
      complaintId: created.complaintId,
      actorId: officer.user.id,
      branchId: 'gz',
    });
    expect(await api.push(officer.token, [transfer])).toMatchObject({ status: 200, json: [] });
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: as('agent.gz').user.id, branchId: 'gz' });
    expect(verdictOf(await relay([note]), note.id)).toMatchObject({ status: 'rejected', reason: { code: 'out_of_scope' } });
  });

  it('does not say anything about an id someone else holds', async () => {
    const other = f.created(as('agent.dg').user);
    await api.push(as('agent.dg').token, [other]);
    const clash = { ...f.created(as('agent.gz').user), id: other.id };
    expect(verdictOf(await relay([clash]), other.id)).toEqual({
      id: other.id,
      status: 'rejected',
      reason: expect.objectContaining({ code: 'duplicate_id' }),
    });
  });

  it('only hub accounts may relay; a body that is not events is a 400', async () => {
    expect((await relay([f.created(as('agent.gz').user)], 'agent.gz')).status).toBe(403);
    expect((await api.request('POST', '/api/sync/relay', { token: as('hub.gz').token, body: { events: 'x' } })).status).toBe(400);
    expect((await api.request('POST', '/api/sync/relay', { token: as('hub.gz').token, body: { events: [{ noId: 1 }] } })).status).toBe(400);
  });

  it("a check-in answers the branch's sign-in verifiers only, and central lists the hub's link", async () => {
    const res = await api.request('POST', '/api/sync/hub/checkin', { token: as('hub.gz').token, body: { pendingUp: 3 } });
    expect(res.status).toBe(200);
    const users = res.json.users as Json[];
    expect(users.find((u) => u.username === 'agent.gz').passwordHash).toEqual(expect.any(String));
    expect(users.find((u) => u.username === 'agent.dg').passwordHash).toBeNull();
    expect(users.find((u) => u.username === 'director').passwordHash).toBeNull();
    expect(users.some((u) => u.role === 'hub')).toBe(false);
    const links = await api.request('GET', '/api/hubs', { token: as('admin').token });
    expect(links.json.items).toEqual([expect.objectContaining({ username: 'hub.gz', branchId: 'gz', connected: true, pendingUp: 3 })]);
    const dg = await api.request('GET', '/api/hubs', { token: as('supervisor.dg').token });
    expect(dg.json.items).toEqual([]);
    expect((await api.request('GET', '/api/hubs', { token: as('agent.gz').token })).status).toBe(403);
    expect((await api.request('POST', '/api/sync/hub/checkin', { token: as('agent.gz').token, body: { pendingUp: 0 } })).status).toBe(403);
  });
});
