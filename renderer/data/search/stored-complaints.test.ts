import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { bindCommands } from '../commands';
import type { DataStore } from '../store';
import { openLocalStore, testUsers, uniqueName, sampleIntake } from '../test-support';
import { storedComplaints } from './stored-complaints';

let store: DataStore | null = null;
afterEach(async () => {
  await store?.db.remove().catch(() => undefined);
  await store?.close().catch(() => undefined);
  store = null;
});

async function readAll(s: DataStore, batch: number) {
  const batches: number[] = [];
  const docs = [];
  for await (const b of storedComplaints(s.db.complaints, batch)) {
    batches.push(b.length);
    docs.push(...b);
  }
  return { batches, docs };
}

describe.each([
  ['Dexie (IndexedDB)', () => ({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>, databaseName: uniqueName('stored'), devMode: true })],
  ['memory', () => ({ devMode: true })],
])('stored complaints on %s', (_name, options) => {
  it('yields every stored complaint once, in batches, as RxDB stores it, deleted ones marked', async () => {
    store = await openLocalStore(testUsers.agent, options());
    const s = store;
    const created = await bindCommands(() => s).createComplaint(sampleIntake);
    if (!created.ok) throw new Error(created.error);
    const doc = (await s.db.complaints.findOne(created.complaintId).exec())!.toMutableJSON();
    await s.db.complaints.bulkInsert(Array.from({ length: 9 }, (_, i) => ({ ...doc, id: `copy-${i}`, p: { ...doc.p, id: `copy-${i}` } })));
    await s.db.complaints.findOne('copy-3').remove();

    const { batches, docs } = await readAll(s, 4);
    expect(batches).toEqual([4, 4, 2]);
    expect(docs.map((d) => d.id).sort()).toEqual([created.complaintId, ...Array.from({ length: 9 }, (_, i) => `copy-${i}`)].sort());
    expect(docs.filter((d) => d._deleted).map((d) => d.id)).toEqual(['copy-3']);
    const first = docs.find((d) => d.id === created.complaintId)!;
    expect(first._deleted).toBe(false);
    const { _meta: _m, _rev: _v, _attachments: _a, _deleted: _d, ...fields } = first;
    expect(fields).toEqual(doc);
  });
});
