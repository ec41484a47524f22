import { describe, expect, it } from 'vitest';
import { liveServerForFile, liveWorkstation, switchableFetch, waitFor } from './live-server-support';
import { withoutEvents } from '../../shared/fold/projection';
import { SECRET_NAMES } from '../../shared/platform/bridge';
import { bindCommands, type CreateComplaintInput } from '../../renderer/data/commands';
import { memoryPlatform, type DataPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type DataStore, type WorkstationStore } from '../../renderer/data/store';
import { memoryStorage, signInStore, uniqueName, sampleIntake } from '../../renderer/data/test-support';
import { firstValueFrom, filter } from 'rxjs';
import { pendingEvents$, rejectedEvents$ } from '../../renderer/data/live/outbox';
// The two serials travel as separate fields (the call being taken, the complained-about call).
const input: CreateComplaintInput = { ...sampleIntake, complainedSerial: 'SN-ABOUT-1' };

const live = liveServerForFile('hd-sync-');

const client = (platform: DataPlatform = memoryPlatform(live.server.url), doFetch?: typeof fetch): Promise<WorkstationStore> =>
  liveWorkstation(live, { platform, databaseName: uniqueName('sync'), fetch: doFetch });

async function signedIn(username: string, doFetch?: typeof fetch): Promise<DataStore> {
  const ws = await client(memoryPlatform(live.server.url), doFetch);
  const store = await signInStore(ws, username);
  expect(store.session.current()).toMatchObject({ status: 'signed_in', offline: false });
  return store;
}

async function serverComplaint(token: string, id: string) {
  const res = await fetch(`${live.server.url}/api/complaints/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
}

describe('replication against the server', () => {
  it('two clients converge on the same complaint', async () => {
    const a = await signedIn('agent.gz');
    const b = await signedIn('lead.gz');
    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);

    await waitFor(() => b.db.complaints.findOne(created.complaintId).exec(), 'the complaint on the second client');
    const noted = await bindCommands(() => b).addNote(created.complaintId, '已联系客户');
    expect(noted.ok).toBe(true);

    const seen = async (s: DataStore) => {
      const doc = await s.db.complaints.findOne(created.complaintId).exec();
      return doc && doc.p.eventCount === 2 ? doc.toJSON(true).p : null;
    };
    const pa = await waitFor(() => seen(a), 'the note on the first client');
    const pb = await waitFor(() => seen(b), 'the note on the second client');
    expect(pa).toEqual(pb);

    await waitFor(async () => a.sync.current().pending === 0 && b.sync.current().pending === 0, 'nothing pending');
    const remote = await serverComplaint(a.session.token()!, created.complaintId);
    expect(remote).not.toBeNull();
    const local = withoutEvents(pa as never) as unknown as Record<string, unknown>;
    for (const key of [
      'id', 'number', 'status', 'category', 'grade', 'branchId', 'assigneeId', 'escalationLevel', 'deadlines', 'createdAt', 'updatedAt', 'eventCount',
      // The rules of #12: both serials, the acceptance and callback flags, progress and result feedback.
      'callSerial', 'complainedSerial', 'flags', 'progressNotifiedAt', 'resultNotifiedAt', 'resultNotToldReason',
    ]) {
      expect(remote?.[key], key).toEqual(local[key]);
    }
    expect(local.complainedSerial).toBe('SN-ABOUT-1');
    expect(local.callSerial).toBe(sampleIntake.callSerial);
    expect(a.sync.current()).toMatchObject({ online: true, authExpired: false, pending: 0 });
    expect(a.sync.current().lastSyncedAt).not.toBeNull();
    // Reference data arrived with the sign-in.
    await waitFor(async () => a.referenceStore.current().users.some((u) => u.username === 'agent2.gz'), 'the user directory');
  });

  it('keeps events written offline and pushes them when back online', async () => {
    const net = switchableFetch();
    const a = await signedIn('agent.gz', net.fetch);
    await waitFor(async () => a.sync.current().online, 'online');
    net.state.offline = true;

    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    await waitFor(async () => !a.sync.current().online, 'offline noticed');
    expect(a.sync.current().pending).toBe(1);
    const pending = await firstValueFrom(pendingEvents$(a).pipe(filter((l) => l.length > 0)));
    expect(pending[0]?.complaintNumber).toBe(created.number);

    net.state.offline = false;
    a.sync.controller.replication()?.reSync();
    await waitFor(async () => a.sync.current().pending === 0, 'the pending event pushed and confirmed');
    const b = await signedIn('supervisor.gz');
    const remote = await waitFor(() => serverComplaint(b.session.token()!, created.complaintId), 'the server copy');
    expect(remote.number).toBe(created.number);
  });

  it('shows a rejection from the server and never folds the rejected event', async () => {
    const a = await signedIn('agent.gz');
    const created = await bindCommands(() => a).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    // An event this role may not write, as an older client would have written it.
    const hlc = await a.hlc.stamp(Date.now());
    await a.db.events.insert({
      id: `forbidden-${created.complaintId}`.slice(0, 64),
      complaintId: created.complaintId,
      type: 'complaint.transferred',
      actorId: a.session.current().user!.id,
      branchId: 'gz',
      hlc,
      occurredAt: new Date().toISOString(),
      payload: { toBranchId: 'dg' },
      v: 1,
      status: 'pending',
    });
    const rejected = await firstValueFrom(rejectedEvents$(a).pipe(filter((l) => l.length > 0)));
    expect(rejected[0]?.event.type).toBe('complaint.transferred');
    expect(rejected[0]?.reason.message.length).toBeGreaterThan(0);
    expect(rejected[0]?.complaintNumber).toBe(created.number);
    await a.projector.idle();
    const doc = await a.db.complaints.findOne(created.complaintId).exec();
    expect(doc?.branchId).toBe('gz');
    expect(doc?.p.timeline.some((t) => t.type === 'complaint.transferred')).toBe(false);
  });

  it('a workstation whose wall clock is two hours ahead learns the server time and writes events the server accepts', async () => {
    const ahead = 2 * 3600_000;
    const ws = await liveWorkstation(live, { databaseName: uniqueName('sync'), now: () => Date.now() + ahead });
    const store = await signInStore(ws, 'agent.gz');
    await waitFor(async () => (store.hlc.offsetMs() < -ahead + 60_000 ? true : null), 'the server time learned from a pull');
    const created = await bindCommands(() => store).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const event = (await store.db.events.find({ selector: { complaintId: created.complaintId } }).exec())[0]!;
    expect(Date.parse(event.hlc.slice(0, 24))).toBeLessThan(Date.now() + store.referenceStore.current().policy.sync.hlcMaxSkewMs);
    await waitFor(async () => (store.sync.current().pending === 0 ? true : null), 'the event pushed and settled');
    const settled = await store.db.events.findOne(event.id).exec();
    expect(settled?.status).toBe('accepted');
  });

  it('an expired token pauses sync and keeps pending events', async () => {
    const platform = memoryPlatform(live.server.url);
    const first = await client(platform);
    expect((await first.session.signIn('agent.gz', 'demo1234')).ok).toBe(true);
    const user = first.session.current().user!;
    await first.close();
    live.stores = live.stores.filter((s) => s !== first);

    // A later start whose stored token the server no longer accepts.
    await platform.setSecret(SECRET_NAMES.syncToken, 'no-longer-valid');
    const ws = await openWorkstationStore({
      platform,
      storage: memoryStorage(),
      databaseName: uniqueName('sync'),
      breachWatcher: false,
      retryTimeMs: 200,
    });
    live.stores.push(ws);
    await ws.meta.set('session.current', { user, offline: false });
    await ws.meta.set('session.tokenOwner', user.id);
    await ws.session.restore();
    const again = (await ws.settled())!;
    const created = await bindCommands(() => again).createComplaint(input);
    expect(created.ok).toBe(true);
    await waitFor(async () => again.session.current().status === 'expired', 'the session marked expired');
    expect(again.sync.current()).toMatchObject({ authExpired: true, pending: 1 });
    expect(again.sync.controller.replication()).toBeNull();

    // Signing in again resumes and pushes what waited.
    expect((await again.session.signIn('agent.gz', 'demo1234')).ok).toBe(true);
    await waitFor(async () => again.sync.current().pending === 0, 'the waiting event pushed');
    expect(again.sync.current().authExpired).toBe(false);
  });

  it('signs in offline with the verifier left by an online sign-in, never with a wrong password', async () => {
    const net = switchableFetch();
    const a = await client(memoryPlatform(live.server.url), net.fetch);
    await signInStore(a, 'agent.gz');
    await a.session.signOut();
    net.state.offline = true;
    expect(await a.session.signIn('agent.gz', 'wrong-password')).toEqual({ ok: false, error: 'invalid' });
    expect(await a.session.signIn('lead.gz', 'demo1234')).toEqual({ ok: false, error: 'offline_unknown' });
    expect(await a.session.signIn('agent.gz', 'demo1234')).toEqual({ ok: true, offline: true });
    expect(a.session.current()).toMatchObject({ status: 'expired', offline: true });
    const stored = JSON.stringify(await a.db.local.find().exec());
    expect(stored).not.toContain('demo1234');
  });
});
