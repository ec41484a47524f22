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

  /** The hub's pull through to the end in pages of `limit`, imported as its link imports them. */
  const pullInPages = async (limit: number) => {
    const account = await c.login(hubUser, HUB_PASSWORD);
    for (;;) {
      const seq = Number((await readHubState(hub.server.db, 'pull_seq')) ?? 0);
      const res = await c.request('GET', `/api/sync/events/pull?seq=${seq}&limit=${limit}`, { token: account.token });
      expect(res.status).toBe(200);
      const page = res.json as unknown as PullPage;
      const morePages = page.documents.length >= limit;
      await importPage(hub.server.db, hub.server.settings, 'gz', page, { morePages });
      if (!morePages) return;
    }
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

  /**
   * The hub relays a transfer out with other events of the complaint in one
   * batch; central accepts them all (the resolution the hub had refused too:
   * central held the work order the hub had not pulled yet). The verdict
   * prunes the complaint, and the pull that follows brings back central's
   * copies of those events, which the branch's feed still lists up to the
   * transfer (found by the hub chaos run, seed 102).
   */
  it("keeps nothing of the complaint when central's copies of its last events come after the prune, and tells the author of an overruled refusal", async () => {
    const agent = await h.login('agent.gz');
    const lead = await h.login('lead.gz');
    const supervisor = await h.login('supervisor.gz');
    const officer = await c.login('officer.gz');
    const created = f.created(agent.user);
    expect((await h.push(agent.token, [created])).json).toEqual([]);
    await hub.server.upstream?.syncNow();
    const filed = f.make('work_order.filed', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
    expect((await c.push(officer.token, [filed])).json).toEqual([]);

    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [note])).json).toEqual([]);
    const resolved = f.make('resolution.recorded', { complaintId: created.complaintId, actorId: lead.user.id, branchId: 'gz' });
    const refused = (await h.push(lead.token, [resolved])).json as { id: string; reason?: { code: string } }[];
    expect(refused.map((d) => [d.id, d.reason?.code])).toEqual([[resolved.id, 'illegal_state']]);
    const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: supervisor.user.id, branchId: 'gz' });
    expect((await h.push(supervisor.token, [transfer])).json).toEqual([]);
    // One round: the three relayed in one batch and accepted by central, then the pull.
    await hub.server.upstream?.syncNow();

    const director = await c.login('director');
    const atCentral = await c.request('GET', `/api/complaints/${created.complaintId}`, { token: director.token });
    expect(atCentral.json).toMatchObject({ branchId: 'dg', status: 'resolved' });
    const kept = await hub.server.db.query<{ id: string; status: string; reason_code: string | null }>(
      `select id, status, reason_code from events where complaint_id = $1 and type <> 'complaint.transferred' order by id`,
      [created.complaintId],
    );
    // Of the complaint only its transfer, and the resolution for its author alone: accepted by central, moved since.
    expect(kept).toEqual([{ id: resolved.id, status: 'rejected', reason_code: 'accepted_then_moved' }]);
    expect(await hub.server.db.query('select id from complaints where id = $1', [created.complaintId])).toEqual([]);
    const pulled = async (token: string) => ((await h.pullAll(token)).documents as { id: string; status: string; reason?: { code: string } }[]).filter((d) => d.id === resolved.id);
    expect((await pulled(lead.token)).map((d) => [d.status, d.reason?.code])).toEqual([['rejected', 'accepted_then_moved']]);
    expect(await pulled(agent.token)).toEqual([]);
  });

  /**
   * A complaint that comes back to the branch: central announces its whole
   * history to the branch again, then the transfer back. A pull page that
   * ends inside that history left the complaint folded as it was when it
   * left (its old transfer out is the last the hub held), and the prune took
   * it; the pages after it then had no creation to fold, and the branch never
   * saw the complaint again.
   */
  it('keeps a complaint transferred back into the branch whose history comes over several pull pages', async () => {
    const agent = await h.login('agent.gz');
    const officer = await c.login('officer.gz');
    const dgSupervisor = await c.login('supervisor.dg');
    const dgAgent = await c.login('agent.dg');
    const created = f.created(agent.user);
    const filed = f.make('work_order.filed', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect((await h.push(agent.token, [created, filed])).json).toEqual([]);
    await hub.server.upstream?.syncNow();
    const away = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
    expect((await c.push(officer.token, [away])).json).toEqual([]);
    await hub.server.upstream?.syncNow();
    expect((await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).status).toBe(404);

    const dgNote = f.make('note.added', { complaintId: created.complaintId, actorId: dgAgent.user.id, branchId: 'dg' });
    const back = f.make('complaint.transferred', {
      complaintId: created.complaintId,
      actorId: dgSupervisor.user.id,
      branchId: 'dg',
      payload: { toBranchId: 'gz', reason: '属地受理' },
    });
    expect((await c.push(dgAgent.token, [dgNote])).json).toEqual([]);
    expect((await c.push(dgSupervisor.token, [back])).json).toEqual([]);
    await pullInPages(2);

    const atHub = await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token });
    expect(atHub.status).toBe(200);
    expect(atHub.json).toMatchObject({ branchId: 'gz', eventCount: 5 });
  });
});
