import { afterEach, describe, expect, it } from 'vitest';
import { bindCommands } from '../commands';
import { isRepeatLocally } from '../commands/create';
import { openDatabase } from '../db';
import { memoryPlatform } from '../platform-port';
import { memoryStorage, openLocalStore, sampleIntake, testUsers, uniqueName } from '../test-support';
import { userDatabaseName } from '../user-database-name';
import type { DataStore } from '../store';

const NAME = '欧阳娜娜';
const PHONE = '13912345678';
const ADDRESS = '广州市天河区体育西路';
/** Anything that would betray the complainant on disk: the name, its parts, the phone and runs of its digits. */
const CLEAR = [NAME, '欧阳', '娜娜', PHONE, '9123456', '2345678', ADDRESS, '体育西路'];

let stores: DataStore[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

async function open(options: Parameters<typeof openLocalStore>[1]) {
  const store = await openLocalStore(testUsers.agent, options);
  stores.push(store);
  return store;
}

/** Every document of every collection of the user's replica, as the storage holds it (no key). */
async function rawReplica(storage: ReturnType<typeof memoryStorage>, databaseName: string): Promise<string> {
  const raw = await openDatabase({ name: await userDatabaseName(databaseName, testUsers.agent.id), storage });
  try {
    const all = await Promise.all(Object.values(raw.collections).map((c) => c.find().exec()));
    return JSON.stringify(all.flat().map((d) => d.toJSON(true)));
  } finally {
    await raw.close();
  }
}

describe('a replica at rest', () => {
  it('holds no name, phone digits or address in the clear, and still finds and repeat-checks by them, before and after a restart', async () => {
    const storage = memoryStorage();
    const databaseName = uniqueName('at-rest');
    const platform = memoryPlatform('http://127.0.0.1:9');
    const store = await open({ storage, databaseName, platform });
    expect(store.atRest.kind).toBe('encrypted');
    const commands = bindCommands(() => store);
    const created = await commands.createComplaint({
      ...sampleIntake,
      complainant: { name: NAME, phone: '139-1234-5678', address: ADDRESS, customerType: 'ordinary' },
      description: `${NAME}反映宽带安装迟迟不来`,
    });
    if (!created.ok) throw new Error(created.error);
    expect((await commands.addNote(created.complaintId, `已回电 ${PHONE}`)).ok).toBe(true);
    await store.projector.idle();
    await store.search.idle();

    const findsIt = async (s: DataStore) => {
      for (const q of [NAME, '5678', '1391234', '宽带', created.number]) expect(await s.search.search(q, 10), q).toEqual([created.complaintId]);
      expect(await isRepeatLocally(s, PHONE, sampleIntake.category, s.now())).toBe(true);
      expect(await isRepeatLocally(s, '13900000000', sampleIntake.category, s.now())).toBe(false);
      const doc = await s.db.complaints.findOne(created.complaintId).exec();
      expect(doc?.p.complainant?.name).toBe(NAME);
    };
    await findsIt(store);
    await store.close();
    stores = [];

    const stored = await rawReplica(storage, databaseName);
    expect(stored).toContain(created.number);
    for (const clear of CLEAR) expect(stored, clear).not.toContain(clear);

    await findsIt(await open({ storage, databaseName, platform }));
  });
});
