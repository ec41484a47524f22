import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, EventFactory, type TestServer } from '../../server/test-support/harness';
import { startCentral, startTestHub, upstreamConfig } from '../../server/test-support/hub-pair';
import { SECRET_NAMES } from '../../shared/platform/bridge';
import { bindCommands } from '../../renderer/data/commands';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type DataStore, type WorkstationStore } from '../../renderer/data/store';
import { memoryStorage, sampleIntake, signInStore, uniqueName } from '../../renderer/data/test-support';
import { waitFor } from './live-server-support';

/**
 * A workstation synced with central is pointed at its branch's hub (as an
 * admin does in Settings): what it wrote offline reaches the hub and then
 * central, its replica takes the hub's feed, and central's token never goes
 * to the hub.
 */
describe('a workstation re-pointed from central to a branch hub', () => {
  let central: TestServer;
  let hub: TestServer;
  let centralUrl: string;
  let hubUrl: string;
  let h: ApiClient;
  let c: ApiClient;
  const opened: WorkstationStore[] = [];

  beforeAll(async () => {
    const started = await startCentral('pglite');
    central = started.central;
    centralUrl = started.url;
    c = started.api;
    hub = await startTestHub(upstreamConfig(centralUrl, started.hubUser));
    hubUrl = await hub.server.listen();
    h = new ApiClient(hub.server);
    await hub.server.upstream?.syncNow();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(opened.map((w) => w.close()));
    await hub?.cleanup();
    await central?.cleanup();
  });

  it('keeps and delivers its unsynced events and re-syncs from the hub, with no token of central sent there', async () => {
    const net = { offline: false };
    const sentToHub: string[] = [];
    const doFetch: typeof fetch = (input, init) => {
      if (net.offline) return Promise.reject(new TypeError('fetch failed'));
      const url = String(input instanceof Request ? input.url : input);
      const auth = new Headers(init?.headers).get('authorization');
      if (url.startsWith(hubUrl) && auth) sentToHub.push(auth);
      return fetch(input, init);
    };
    // Central's feed has moved on before this workstation's first sync: its bootstrap ends at central's position.
    // Central holds other branches too, so its positions run far ahead of the hub's for the same events.
    const f = new EventFactory();
    const lead = await c.login('lead.gz');
    const earlier = f.created(lead.user);
    expect((await c.push(lead.token, [earlier])).json).toEqual([]);
    const dg = await c.login('agent.dg');
    const elsewhere = f.created(dg.user);
    const notes = Array.from({ length: 20 }, () => f.make('note.added', { complaintId: elsewhere.complaintId, actorId: dg.user.id, branchId: 'dg' }));
    expect((await c.push(dg.token, [elsewhere, ...notes])).json).toEqual([]);
    const platform = memoryPlatform(centralUrl);
    const ws = await openWorkstationStore({
      platform,
      storage: memoryStorage(),
      databaseName: uniqueName('repoint'),
      fetch: doFetch,
      breachWatcher: false,
      verifierIterations: 1000,
      retryTimeMs: 200,
    });
    opened.push(ws);
    const atCentral = await signInStore(ws, 'agent.gz');
    const centralToken = await platform.getSecret(SECRET_NAMES.syncToken);
    const synced = await bindCommands(() => atCentral).createComplaint(sampleIntake);
    if (!synced.ok) throw new Error(synced.error);
    const accepted = (store: DataStore, id: string) => async () => (await store.db.events.findOne(id).exec())?.status === 'accepted';
    await waitFor(accepted(atCentral, synced.eventId), 'central to confirm the first complaint');
    await hub.server.upstream?.syncNow();

    // Offline, the agent goes on: a note on the synced complaint and a new complaint wait here.
    net.offline = true;
    const note = await bindCommands(() => atCentral).addNote(synced.complaintId, '客户来电补充');
    const offline = await bindCommands(() => atCentral).createComplaint({ ...sampleIntake, complainant: { ...sampleIntake.complainant, name: '王五' } });
    if (!note.ok || !offline.ok) throw new Error(`offline writes failed: ${JSON.stringify([note, offline])}`);
    net.offline = false;

    const changed = await ws.changeServer(`${hubUrl}/`);
    expect(changed).toEqual({ ok: true, serverUrl: hubUrl, changed: true, reloadRequired: false });
    // Central's token is forgotten; the user and the unsynced work stay, sync waits for a sign-in at the hub.
    expect(await platform.getSecret(SECRET_NAMES.syncToken)).toBeNull();
    expect(ws.session.current()).toMatchObject({ status: 'expired', user: { username: 'agent.gz' } });
    expect(await atCentral.db.events.count({ selector: { status: 'pending' } }).exec()).toBe(2);

    const atHub = await signInStore(ws, 'agent.gz');
    expect(atHub.user.id).toBe(atCentral.user.id);
    for (const id of [note.eventId, offline.eventId]) await waitFor(accepted(atHub, id), `the hub to accept ${id}`);
    const agentAtHub = await h.login('agent.gz');
    const hubFeed = (await h.pullAll(agentAtHub.token)).documents;
    expect(hubFeed.map((d) => d.id)).toEqual(expect.arrayContaining([synced.eventId, note.eventId, offline.eventId]));
    // The replica holds the hub's feed: central's copy of the first complaint was replaced by the hub's (its seq).
    const hubSeq = hubFeed.find((d) => d.id === synced.eventId).seq as number;
    await waitFor(async () => (await atHub.db.events.findOne(synced.eventId).exec())?.seq === hubSeq, "the hub's copy of the first complaint");
    // From the start of the hub's feed, not from where central's ended.
    const earlierSeq = hubFeed.find((d) => d.id === earlier.id).seq as number;
    await waitFor(async () => (await atHub.db.events.findOne(earlier.id).exec())?.seq === earlierSeq, "the hub's copy of the lead's complaint");
    await waitFor(() => atHub.db.complaints.findOne(synced.complaintId).exec(), 'the first complaint in the queue again');
    await waitFor(() => atHub.db.complaints.findOne(offline.complaintId).exec(), 'the offline complaint in the queue');

    // The hub relays them; central holds each once.
    await hub.server.upstream?.syncNow();
    const atCentralNow = (await c.pullAll(lead.token)).documents.filter((d) => [note.eventId, offline.eventId].includes(d.id));
    expect(atCentralNow.map((d) => [d.id, d.status]).sort()).toEqual([[note.eventId, 'accepted'], [offline.eventId, 'accepted']].sort());

    expect(sentToHub.length).toBeGreaterThan(0);
    expect(sentToHub).not.toContain(`Bearer ${centralToken}`);
  }, 90_000);
});
