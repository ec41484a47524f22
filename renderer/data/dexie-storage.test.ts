import { describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { bindCommands } from './commands';
import { memoryPlatform } from './platform-port';
import { openLocalStore, openTestWorkstation, testUsers, uniqueName, sampleIntake } from './test-support';

describe('on Dexie (IndexedDB) with schema validation', () => {
  it('keeps pending events, the projection and the workstation across a restart', async () => {
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const databaseName = uniqueName('dexie');
    // One platform for both runs: it holds the workstation's data key, as the OS keychain does.
    const platform = memoryPlatform('http://127.0.0.1:9');
    const first = await openLocalStore(testUsers.agent, { storage, databaseName, devMode: true, platform });
    const created = await bindCommands(() => first).createComplaint(sampleIntake);
    if (!created.ok) throw new Error(created.error);
    const workstation = first.workstation;
    await first.close();

    const ws = await openTestWorkstation({ storage, databaseName, devMode: true, platform });
    const again = await ws.settled();
    if (!again) throw new Error('the restored session opened no store');
    try {
      expect(again.workstation).toEqual(workstation);
      expect(again.session.current()).toMatchObject({ user: { id: testUsers.agent.id } });
      expect(await again.db.events.count({ selector: { status: 'pending' } }).exec()).toBe(1);
      const doc = await again.db.complaints.findOne(created.complaintId).exec();
      expect(doc?.number).toBe(created.number);
      const next = await bindCommands(() => again).createComplaint(sampleIntake);
      expect(next.ok && next.number).not.toBe(created.number);
    } finally {
      await again.db.remove();
      await ws.close().catch(() => undefined);
    }
  });
});
