import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, EventFactory, storageKinds, type Json, type TestServer } from '../../server/test-support/harness';
import { startCentral, startTestHub, upstreamConfig } from '../../server/test-support/hub-pair';
import { createApi } from '../../renderer/data/sync/api';
import { pushAndSettle } from '../../renderer/data/sync/push-settle';

/**
 * A workstation behind a branch hub learns an accepted event's verdict from
 * the lookup that follows its push (or from its pull). A hub drops the
 * accepted events of a complaint that left the branch as soon as central has
 * confirmed them; when that happens between the push's answer and the
 * lookup (a slow workstation, a push answer lost and re-sent), the lookup
 * finds nothing, no pull ever brings the event again, and the author's copy
 * stayed pending for good (the hub chaos run, seed 135, on an overloaded
 * machine: "client 2: 1 event still pending", its complaint then in dg).
 */
describe.each(storageKinds())('an event the hub dropped before its author learned the verdict, central on %s', (storage) => {
  let central: TestServer;
  let hub: TestServer;
  let c: ApiClient;
  let h: ApiClient;
  let hubUrl: string;
  const f = new EventFactory();

  beforeAll(async () => {
    const started = await startCentral(storage);
    central = started.central;
    c = started.api;
    hub = await startTestHub(upstreamConfig(started.url, started.hubUser));
    hubUrl = await hub.server.listen();
    h = new ApiClient(hub.server);
    await hub.server.upstream?.syncNow();
  }, 180_000);
  afterAll(async () => {
    await hub?.cleanup();
    await central?.cleanup();
  });

  it('is settled by the push: pushed again, the hub decides it afresh and central has the last word', async () => {
    const agent = await h.login('agent.gz');
    const officer = await c.login('officer.gz');
    const created = f.created(agent.user);
    expect((await h.push(agent.token, [created])).json).toEqual([]);
    await hub.server.upstream?.syncNow();
    const { seq: before } = await h.pullAll(agent.token);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });

    // Between the push's answer and its lookup: central confirms the note, the officer moves the complaint to dg, and
    // the hub, pulling the transfer, drops the complaint with the note.
    let meanwhile: (() => Promise<void>) | null = async () => {
      await hub.server.upstream?.syncNow();
      const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
      expect((await c.push(officer.token, [transfer])).json).toEqual([]);
      await hub.server.upstream?.syncNow();
      // Nor will the author's pull ever bring the note: the hub holds it no more.
      expect((await h.pullAll(agent.token, before)).documents.some((d: Json) => d.id === note.id)).toBe(false);
    };
    const slowLookup: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/api/sync/events/lookup') && meanwhile) {
        const run = meanwhile;
        meanwhile = null;
        await run();
      }
      return fetch(input, init);
    };
    const api = createApi({ baseUrl: async () => hubUrl, token: () => agent.token, fetch: slowLookup });

    const settled = await pushAndSettle(api, [{ newDocumentState: note as unknown as { id: string } }]);
    expect(meanwhile).toBeNull();
    // Decided afresh: the hub knows the complaint no more (a refusal central may overrule), and says so.
    expect(settled).toEqual([expect.objectContaining({ id: note.id, status: 'rejected', seq: expect.any(Number) })]);

    // Central accepted the note before the move: the hub keeps it for its author alone, accepted then moved.
    await hub.server.upstream?.syncNow();
    const mine = (await h.pullAll(agent.token, before)).documents.find((d: Json) => d.id === note.id);
    expect(mine).toMatchObject({ status: 'rejected', reason: { code: 'accepted_then_moved' } });
    expect((await hub.server.upstream?.health())?.pendingUp).toBe(0);
  }, 60_000);
});
