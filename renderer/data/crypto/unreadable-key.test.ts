import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChangedDocumentsSince } from 'rxdb';
import { bindCommands } from '../commands';
import { openDatabase } from '../db';
import { memoryPlatform, type DataPlatform } from '../platform-port';
import { memoryStorage, openLocalStore, openTestWorkstation, sampleIntake, testUsers, uniqueName } from '../test-support';
import { userDatabaseName } from '../user-database-name';
import type { DataStore, WorkstationStore } from '../store';
import { KEYED_KEY, SEALED_KEY } from './seal-existing';

const NAME = '欧阳娜娜';
const PHONE = '13912345678';

let closing: Array<DataStore | WorkstationStore> = [];
afterEach(async () => {
  await Promise.all(closing.map((s) => s.close()));
  closing = [];
});

/** Every document of the user's replica as the storage holds it, below the sealing layer, deleted ones and local ones included. */
async function rawReplica(storage: ReturnType<typeof memoryStorage>, databaseName: string, userId: string): Promise<string> {
  const raw = await openDatabase({ name: await userDatabaseName(databaseName, userId), storage });
  try {
    const all = await Promise.all(
      Object.values(raw.collections).map(async (c) => (await getChangedDocumentsSince(c.storageInstance as never, 100_000)).documents),
    );
    const local = await raw.local.find().exec();
    return JSON.stringify({ all, local: local.map((d) => d.toJSON()) });
  } finally {
    await raw.close();
  }
}

/** The workstation as it starts when the keychain can no longer unwrap its key, with the agent's session restored. */
async function startWithUnreadableKey(storage: ReturnType<typeof memoryStorage>, databaseName: string, base: DataPlatform) {
  const platform: DataPlatform = { ...base, getDataKey: () => Promise.resolve({ kind: 'none', reason: 'unreadable' }) };
  const ws = await openTestWorkstation({ storage, databaseName, platform });
  closing.push(ws);
  await ws.meta.set('session.current', { user: testUsers.agent, offline: true });
  await ws.session.restore();
  return ws;
}

describe('a sealed replica when the keychain can no longer unwrap the key', () => {
  it('is refused before anything is written to it, says why, and opens whole once the key is back', async () => {
    const storage = memoryStorage();
    const databaseName = uniqueName('unreadable');
    const base = memoryPlatform('http://127.0.0.1:9');
    const keyed = await openLocalStore(testUsers.agent, { storage, databaseName, platform: base });
    const created = await bindCommands(() => keyed).createComplaint({ ...sampleIntake, complainant: { name: NAME, phone: PHONE, customerType: 'ordinary' } });
    if (!created.ok) throw new Error(created.error);
    await keyed.projector.idle();
    await keyed.search.idle();
    await keyed.close();
    const before = await rawReplica(storage, databaseName, testUsers.agent.id);
    expect(before).not.toContain(PHONE);

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ws = await startWithUnreadableKey(storage, databaseName, base);
    expect(ws.atRest).toEqual({ kind: 'clear', reason: 'unreadable' });
    expect(await ws.settled()).toBeNull();
    expect(await firstValueFrom(ws.refused$)).toBe('sealed-without-key');
    // Another session change tries again, and is refused again: no loop, no partial opening.
    await ws.session.restore();
    expect(await ws.settled()).toBeNull();
    expect(await firstValueFrom(ws.refused$)).toBe('sealed-without-key');
    await ws.close();
    closing = [];
    error.mockRestore();

    // Byte for byte as it was: nothing sealed rewritten, nothing written beside it in the clear, the marks kept.
    expect(await rawReplica(storage, databaseName, testUsers.agent.id)).toBe(before);

    const back = await openLocalStore(testUsers.agent, { storage, databaseName, platform: base });
    closing.push(back);
    await back.projector.idle();
    await back.search.idle();
    expect((await back.db.complaints.findOne(created.complaintId).exec())?.p.complainant?.name).toBe(NAME);
    expect(await back.search.search(NAME, 10)).toEqual([created.complaintId]);
    expect(await back.userMeta.get(SEALED_KEY)).toBe(true);
  });

  it('opens a replica that holds nothing sealed in the clear, and says the key is unreadable', async () => {
    const storage = memoryStorage();
    const databaseName = uniqueName('unreadable-empty');
    const ws = await startWithUnreadableKey(storage, databaseName, memoryPlatform('http://127.0.0.1:9'));
    const store = await ws.settled();
    expect(store?.atRest).toEqual({ kind: 'clear', reason: 'unreadable' });
    expect(await firstValueFrom(ws.refused$)).toBeNull();
    const created = await bindCommands(() => store!).createComplaint({ ...sampleIntake, complainant: { name: NAME, phone: PHONE, customerType: 'ordinary' } });
    expect(created.ok).toBe(true);
    expect(await store!.userMeta.get(KEYED_KEY)).toBeNull();
    await ws.close();
    closing = [];
    const stored = await rawReplica(storage, databaseName, testUsers.agent.id);
    expect(stored).toContain(PHONE);
    expect(stored).not.toContain('"hd1.');
  });
});
