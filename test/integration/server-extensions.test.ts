import { filter, firstValueFrom, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { liveServerForFile } from './live-server-support';
import { EventFactory } from '../../server/test-support/harness';
import { registerWorkstation } from '../../server/workstations/workstations-store';
import { parseComplaintNumber, workstationCode } from '../../shared/numbers/complaint-number';
import { bindCommands, type CreateComplaintInput } from '../../renderer/data/commands';
import { numberingCode } from '../../renderer/data/complaint-numbers';
import { repeatCheck$ } from '../../renderer/data/live/repeat-check';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type DataStore, type WorkstationStore } from '../../renderer/data/store';
import { memoryStorage, openLocalStore, signInStore, testUsers, uniqueName, sampleIntake } from '../../renderer/data/test-support';
import { registeredCode } from '../../renderer/data/workstation-code';
const input: CreateComplaintInput = sampleIntake;

const live = liveServerForFile('hd-ext-');

/** Until the first pull has finished (a store closed while its replication is still starting can leave a stream open). */
async function settled(store: DataStore): Promise<void> {
  await firstValueFrom(store.sync.state$.pipe(filter((s) => s.lastSyncedAt !== null), timeout(15_000)));
  await store.sync.controller.awaitInSync();
}

async function client(): Promise<WorkstationStore> {
  const store = await openWorkstationStore({
    platform: memoryPlatform(live.server.url),
    storage: memoryStorage(),
    databaseName: uniqueName('ext'),
    breachWatcher: false,
    verifierIterations: 1000,
    retryTimeMs: 200,
  });
  live.stores.push(store);
  return store;
}

/** Another workstation id whose derived code is the same as `id`'s. */
function collidingWith(id: string): string {
  const target = workstationCode(id);
  for (let i = 0; ; i++) if (workstationCode(`other-${i}`) === target) return `other-${i}`;
}

describe('complaint numbers use the code the server registered for the workstation', () => {
  it('registers on the first online sign-in, even when the derived code is taken in the branch', async () => {
    const ws = await client();
    // Another workstation of the branch already holds the code this one would derive.
    await registerWorkstation(live.server.db, 'gz', collidingWith(ws.workstation.id), 'someone');
    expect(await registeredCode(ws.meta, 'gz')).toBeNull();
    let store = await signInStore(ws, 'agent.gz');
    await settled(store);

    const code = await registeredCode(store.meta, 'gz');
    const rows = await live.server.db.query<{ code: string }>('select code from workstations where workstation_id = $1', [store.workstation.id]);
    expect(code).toBe(rows[0]?.code);
    expect(code).not.toBe(workstationCode(store.workstation.id));

    const created = await bindCommands(() => store).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    expect(parseComplaintNumber(created.number)?.workstationCode).toBe(code);

    // Signing in again (online or offline) keeps the code.
    await ws.session.signOut();
    store = await signInStore(ws, 'agent.gz');
    await settled(store);
    expect(await registeredCode(store.meta, 'gz')).toBe(code);
  });

  it('falls back to the derived code only on a workstation that never reached the server', async () => {
    const store = await openLocalStore(testUsers.agent);
    live.stores.push(store);
    expect(await numberingCode(store.meta, store.workstation.id, 'gz')).toEqual({ code: workstationCode(store.workstation.id), registered: false });
    const created = await bindCommands(() => store).createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    expect(parseComplaintNumber(created.number)?.workstationCode).toBe(workstationCode(store.workstation.id));
  });
});

describe('the repeat check at intake', () => {
  it('merges what the server knows when online, before this workstation has pulled it', async () => {
    const store = await signInStore(await client(), 'agent.gz');
    await settled(store);
    // Replication paused: the earlier complaint exists only on the live.server.
    await store.sync.controller.stop();
    const login = await fetch(`${live.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent2.gz', password: 'demo1234' }),
    });
    const { token, user } = (await login.json()) as { token: string; user: { id: string; branchId: string } };
    const earlier = new EventFactory().created(user);
    earlier.payload = { ...earlier.payload, complainant: { name: '王五', phone: '+86 137 0013 7000', customerType: 'ordinary' }, category: 'price' };
    const pushed = await fetch(`${live.server.url}/api/sync/events/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ assumedMasterState: null, newDocumentState: earlier }]),
    });
    expect(await pushed.json()).toEqual([]);
    expect(await store.db.complaints.findOne(earlier.complaintId).exec()).toBeNull();

    const found = await firstValueFrom(
      repeatCheck$(store, '13700137000', 'price', 10).pipe(
        filter((list) => list.length > 0),
        timeout(10_000),
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({ id: earlier.complaintId, number: earlier.payload.number, branchId: 'gz', source: 'server' }),
    ]);
  });

  it('offline it answers from local data alone, without an error', async () => {
    const store = await openLocalStore(testUsers.agent);
    live.stores.push(store);
    const created = await bindCommands(() => store).createComplaint({
      ...input,
      complainant: { name: '赵六', phone: '136 0013 6000', customerType: 'ordinary' },
      category: 'attitude',
    });
    if (!created.ok) throw new Error(created.error);
    const found = await firstValueFrom(
      repeatCheck$(store, '13600136000', 'attitude', 10).pipe(
        filter((list) => list.length > 0),
        timeout(10_000),
      ),
    );
    expect(found).toEqual([expect.objectContaining({ id: created.complaintId, source: 'local' })]);
  });
});

describe('the server as a writer has a name in the directory', () => {
  it('names "system" before the first pull and after it, and never offers it as a person', async () => {
    const offline = await openLocalStore(testUsers.agent);
    live.stores.push(offline);
    const before = offline.referenceStore.current().users.find((u) => u.id === 'system');
    expect(before).toMatchObject({ displayName: 'System / 系统', system: true, branchId: null, active: false });

    const store = await signInStore(await client(), 'agent.gz');
    await settled(store);
    const ref = await firstValueFrom(
      store.reference$.pipe(
        filter((r) => r.pulledAt !== null && r.users.some((u) => u.username === 'agent2.gz')),
        timeout(15_000),
      ),
    );
    const system = ref.users.filter((u) => u.id === 'system');
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({ displayName: 'System / 系统', system: true });
    expect(ref.users.filter((u) => u.branchId === 'gz' && u.active !== false).some((u) => u.id === 'system')).toBe(false);
  });
});
