import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/tokens';
import { acceptEvents } from '../../server/sync/accept';
import { ApiClient, EventFactory, startTestServer, storageKinds, type LoggedInUser, type TestServer } from '../../server/test-support/harness';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import { bindCommands } from '../../renderer/data/commands';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type WorkstationStore } from '../../renderer/data/store';
import { memoryStorage, signInStore, uniqueName } from '../../renderer/data/test-support';
import { BOOTSTRAP_KEY } from '../../renderer/data/sync/bootstrap';
import type { FirstSyncProgress } from '../../renderer/data/types/sync';
import { waitFor } from './live-server-support';

const { number: _n, receivedAt: _r, ...intake } = samplePayloads['complaint.created'];

/**
 * An empty workstation's first sync by bootstrap against a real server, with
 * writers committing on the server between and during its pages: the pull
 * that follows from the bootstrap's position brings everything, and intake on
 * the workstation meanwhile reaches the server.
 */
describe.each(storageKinds())('bootstrap handoff on %s', (storage) => {
  let t: TestServer;
  let api: ApiClient;
  let url = '';
  const who: Record<string, { token: string; user: LoggedInUser }> = {};
  const as = (name: string) => who[name] as { token: string; user: LoggedInUser };
  const stores: WorkstationStore[] = [];

  beforeAll(async () => {
    t = await startTestServer(storage);
    url = await t.server.listen();
    api = new ApiClient(t.server);
    for (const name of ['agent.gz', 'supervisor.gz', 'agent.dg']) who[name] = await api.login(name);
    const f = new EventFactory();
    for (const name of ['agent.gz', 'agent.dg']) {
      const me = as(name);
      const batch = Array.from({ length: 10 }, () => f.created(me.user));
      const notes = batch.map((c) => f.make('note.added', { complaintId: c.complaintId, actorId: me.user.id, branchId: me.user.branchId, payload: { text: '已回访' } }));
      expect((await api.push(me.token, [...batch, ...notes])).json).toEqual([]);
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await t?.cleanup();
  });

  it('misses nothing committed while it runs, shows its progress, and keeps intake usable', async () => {
    const writer = as('supervisor.gz');
    const factory = new EventFactory();
    const written: string[] = [];
    let ws: WorkstationStore | null = null;
    let pages = 0;
    let intakeId = '';
    const requests: string[] = [];

    const commit = async (events: ReturnType<EventFactory['created']>[]) => {
      written.push(...events.map((e) => e.id));
      const user = { ...writer.user, jobNumber: null } as AuthUser;
      const r = await acceptEvents(t.server.db, t.server.settings, { kind: 'user', user }, events.map((d) => ({ id: d.id, doc: { ...d } })));
      expect(r.accepted).toBe(events.length);
    };
    // Small pages, and server writes while each page is on its way: new complaints, and notes on
    // complaints the bootstrap has already sent (their new events lie past its position). A page
    // holds only complaints in the caller's scope, so agent.gz's ten or so take four pages of three.
    const wrapped: typeof fetch = async (input, init) => {
      let target = String(input);
      requests.push(target);
      if (!target.includes('/api/sync/bootstrap')) return fetch(input, init);
      target = target.replace(/limit=\d+/, 'limit=3');
      const created = Array.from({ length: 2 }, () => factory.created(writer.user));
      const before = commit(created);
      const answer = await fetch(target, init);
      await before;
      const gz = (await api.pullAll(writer.token)).documents.filter((d) => d.type === 'complaint.created');
      await commit([factory.make('note.added', { complaintId: gz[0]!.complaintId as string, actorId: writer.user.id, branchId: 'gz', payload: { text: '补充说明' } })]);
      pages += 1;
      if (pages === 2) {
        // Intake while the first sync runs: a local write, pushed once the replication starts.
        const store = await waitFor(async () => ws?.current(), 'the signed-in store');
        const made = await bindCommands(() => store).createComplaint(intake);
        if (!made.ok) throw new Error(made.error);
        intakeId = made.complaintId;
      }
      return answer;
    };

    ws = await openWorkstationStore({
      platform: memoryPlatform(url),
      storage: memoryStorage(),
      databaseName: uniqueName('boot'),
      fetch: wrapped,
      breachWatcher: false,
      verifierIterations: 1000,
      retryTimeMs: 200,
    });
    stores.push(ws);
    const store = await signInStore(ws, 'agent.gz');
    const progress: (FirstSyncProgress | null)[] = [];
    const sub = store.sync.state$.subscribe((s) => progress.push(s.firstSync));
    await store.sync.controller.awaitInSync();

    const reader = as('agent.gz');
    await waitFor(async () => {
      const server = new Set((await api.pullAll(reader.token)).documents.map((d) => d.id as string));
      const local = new Set((await store.db.events.find().exec()).map((d) => d.id));
      return [...server].every((id) => local.has(id)) && local.size === server.size;
    }, 'every event of the server on the workstation');
    sub.unsubscribe();

    const saved = await store.userMeta.get<{ upTo: number; done: boolean; complaints: number }>(BOOTSTRAP_KEY);
    expect(saved?.done).toBe(true);
    expect(pages).toBeGreaterThan(3);
    // The ordinary pull started at the bootstrap's position, not from the start.
    const firstPull = requests.find((r) => r.includes('/api/sync/events/pull'))!;
    expect(new URL(firstPull).searchParams.get('seq')).toBe(String(saved!.upTo));
    const local = new Set((await store.db.events.find().exec()).map((d) => d.id));
    for (const id of written) expect(local.has(id), id).toBe(true);
    // Each local complaint's projection counts its events as the server's does.
    for (const doc of await store.db.complaints.find().exec()) {
      if (doc.id === intakeId) continue;
      const res = await api.request('GET', `/api/complaints/${doc.id}`, { token: reader.token });
      expect(res.status).toBe(200);
      expect(doc.p.eventCount, doc.id).toBe(res.json.eventCount);
    }
    // Progress was shown while it ran and cleared after.
    const shown = progress.filter((p): p is FirstSyncProgress => p !== null);
    if (shown.length) expect(shown.at(-1)!.totalComplaints).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeNull();
    // The intake made meanwhile reached the server.
    await waitFor(async () => (await api.request('GET', `/api/complaints/${intakeId}`, { token: reader.token })).status === 200, 'the intake on the server');
  }, 120_000);
});
