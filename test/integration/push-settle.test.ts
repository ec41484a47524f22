import { describe, expect, it } from 'vitest';
import { liveServerForFile, waitFor } from './live-server-support';
import { bindCommands, type CreateComplaintInput } from '../../renderer/data/commands';
import { plainEvent, toStoredEvent } from '../../renderer/data/projection/event-conversion';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type DataStore } from '../../renderer/data/store';
import { memoryStorage, signInStore, uniqueName, sampleIntake } from '../../renderer/data/test-support';
import { createApi } from '../../renderer/data/sync/api';
import { pushAndSettle } from '../../renderer/data/sync/push-settle';
const input: CreateComplaintInput = sampleIntake;

const live = liveServerForFile('hd-settle-');


/**
 * A fetch that, once armed, loses the answer of the next push: the server
 * stores the events, then the connection drops before the client reads the
 * response. The failure is held back while the stream and a pull bring the
 * server's copy, which RxDB sets aside because the local write is unpushed.
 */
function losingFetch() {
  const state = { armed: false, lost: 0, lookups: 0, pull: () => {} };
  const f: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/api/sync/events/lookup')) state.lookups++;
    const res = await fetch(input, init);
    if (url.endsWith('/api/sync/events/push') && state.armed) {
      state.armed = false;
      state.lost++;
      await res.text();
      state.pull();
      await new Promise((r) => setTimeout(r, 600));
      throw new TypeError('fetch failed: connection reset');
    }
    return res;
  };
  return { state, fetch: f };
}

async function signedIn(username: string, doFetch: typeof fetch): Promise<DataStore> {
  const ws = await openWorkstationStore({
    platform: memoryPlatform(live.server.url),
    storage: memoryStorage(),
    databaseName: uniqueName('settle'),
    fetch: doFetch,
    breachWatcher: false,
    verifierIterations: 1000,
    retryTimeMs: 200,
  });
  live.stores.push(ws);
  const store = await signInStore(ws, username);
  await waitFor(async () => store.sync.current().online && store.sync.current().pending === 0, 'online and idle', 15_000);
  return store;
}

async function settled(store: DataStore, id: string) {
  const doc = await store.db.events.findOne(id).exec();
  return doc && doc.status !== 'pending' ? doc.toJSON() : null;
}

describe('a push whose answer was lost, then re-sent', () => {
  it('ends with the event accepted locally, with its sequence', async () => {
    const net = losingFetch();
    const a = await signedIn('agent.gz', net.fetch);
    net.state.pull = () => a.sync.controller.replication()?.reSync();
    net.state.armed = true;
    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const [event] = await a.db.events.find({ selector: { complaintId: created.complaintId } }).exec();
    if (!event) throw new Error('no local event');

    const local = await waitFor(() => settled(a, event.id), 'the server status on the local event', 15_000);
    expect(net.state.lost).toBe(1);
    expect(local).toMatchObject({ id: event.id, status: 'accepted', seq: expect.any(Number) });
    expect(local.reason).toBeUndefined();
    await waitFor(async () => a.sync.current().pending === 0, 'nothing pending', 15_000);
  });

  it('ends with the rejection and its reason locally', async () => {
    const net = losingFetch();
    const a = await signedIn('agent.gz', net.fetch);
    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    await waitFor(async () => a.sync.current().pending === 0, 'the complaint pushed', 15_000);
    net.state.pull = () => a.sync.controller.replication()?.reSync();
    net.state.armed = true;
    // An event this role may not write, as an older client would have written it.
    const id = `forbidden-${created.complaintId}`.slice(0, 64);
    await a.db.events.insert({
      id,
      complaintId: created.complaintId,
      type: 'complaint.transferred',
      actorId: a.session.current().user!.id,
      branchId: 'gz',
      hlc: await a.hlc.stamp(Date.now()),
      occurredAt: new Date().toISOString(),
      payload: { toBranchId: 'dg' },
      v: 1,
      status: 'pending',
    });

    const local = await waitFor(() => settled(a, id), 'the server status on the local event', 15_000);
    expect(net.state.lost).toBe(1);
    expect(local).toMatchObject({ status: 'rejected', seq: expect.any(Number), reason: { code: 'role_not_allowed' } });
    expect(local.reason?.message.length).toBeGreaterThan(0);
  });

  it('looks up only rows still pending that the push did not answer', async () => {
    const net = losingFetch();
    const login = (await (
      await fetch(`${live.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent.gz', password: 'demo1234' }),
      })
    ).json()) as { token: string; user: { id: string } };
    const api = createApi({ baseUrl: async () => live.server.url, token: () => login.token, fetch: net.fetch });
    const a = await signedIn('agent.gz', fetch);
    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const [event] = await a.db.events.find({ selector: { complaintId: created.complaintId } }).exec();
    if (!event) throw new Error('no local event');
    const wire = toStoredEvent(plainEvent(event.toJSON() as never));
    const { status: _s, seq: _q, receivedAt: _at, reason: _why, ...pending } = wire;

    // Already stored: the re-sent pending copy is answered with the stored one, by one lookup.
    const settledRows = await pushAndSettle(api, [{ newDocumentState: pending }]);
    expect(net.state.lookups).toBe(1);
    expect(settledRows).toEqual([expect.objectContaining({ id: event.id, status: 'accepted', seq: expect.any(Number) })]);

    // A copy that already carries the server's status is settled: no lookup, nothing returned.
    expect(await pushAndSettle(api, [{ newDocumentState: settledRows[0]! }])).toEqual([]);
    // A row the push answered itself (here a rejection) needs no lookup either.
    const invalid = { ...pending, id: `other-${event.id}`.slice(0, 64), payload: {} };
    const rejected = await pushAndSettle(api, [{ newDocumentState: invalid }]);
    expect(rejected).toEqual([expect.objectContaining({ status: 'rejected' })]);
    expect(net.state.lookups).toBe(1);
  });
});
