import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullPage } from '../../shared/protocol/events';
import { ApiClient, EventFactory, storageKinds, type TestServer } from '../test-support/harness';
import { HUB_PASSWORD, startCentral, startTestHub, upstreamConfig } from '../test-support/hub-pair';
import { importPage } from './import-store';
import { readHubState } from './state-store';

/**
 * A complaint that leaves the branch while one of its events still waits
 * for central's verdict at the hub: the pull that brings the transfer can
 * land between a round's relay and its pull (a workstation pushed in
 * between), so the hub learns of the move before central decides the
 * waiting event. Whatever central then says, the complaint must leave the
 * hub (found by the hub chaos run, seed 4).
 */
describe.each(storageKinds())('a complaint that leaves the branch with an event waiting upstream, central on %s', (storage) => {
  let central: TestServer;
  let hub: TestServer;
  let c: ApiClient;
  let h: ApiClient;
  let hubUser: string;
  const f = new EventFactory();

  beforeAll(async () => {
    const started = await startCentral(storage);
    central = started.central;
    c = started.api;
    hubUser = started.hubUser;
    hub = await startTestHub(upstreamConfig(started.url, hubUser));
    h = new ApiClient(hub.server);
    await hub.server.upstream?.syncNow();
  });
  afterAll(async () => {
    await hub?.cleanup();
    await central?.cleanup();
  });

  /** The hub's next pull page, imported as its link would, but with nothing relayed first. */
  const pullOnly = async () => {
    const account = await c.login(hubUser, HUB_PASSWORD);
    const seq = Number((await readHubState(hub.server.db, 'pull_seq')) ?? 0);
    const res = await c.request('GET', `/api/sync/events/pull?seq=${seq}&limit=500`, { token: account.token });
    expect(res.status).toBe(200);
    await importPage(hub.server.db, hub.server.settings, 'gz', res.json as unknown as PullPage);
  };

  it('leaves the hub once central refuses the waiting note', async () => {
    const agent = await h.login('agent.gz');
    const officer = await c.login('officer.gz');
    const created = f.created(agent.user);
    const filed = f.make('work_order.filed', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [created, filed])).json).toEqual([]);
    await hub.server.upstream?.syncNow();

    // Central moves the complaint to dg; the branch writes a note on it, which waits at the hub.
    const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
    expect((await c.push(officer.token, [transfer])).json).toEqual([]);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [note])).json).toEqual([]);
    await pullOnly();
    // The next round relays the note (central refuses it: the complaint is dg's now) and pulls.
    await hub.server.upstream?.syncNow();

    const atCentral = await c.request('GET', `/api/complaints/${created.complaintId}`, { token: (await c.login('director')).token });
    expect((atCentral.json as { branchId: string }).branchId).toBe('dg');
    expect((await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).status).toBe(404);
    const rows = await hub.server.db.query<{ id: string }>('select id from complaints where id = $1', [created.complaintId]);
    expect(rows).toEqual([]);
    const kept = await hub.server.db.query<{ type: string; status: string }>(
      'select type, status from events where complaint_id = $1 order by type',
      [created.complaintId],
    );
    expect(kept).toEqual([
      { type: 'complaint.transferred', status: 'accepted' },
      { type: 'note.added', status: 'rejected' },
    ]);
  });
});
