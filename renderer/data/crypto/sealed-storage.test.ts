import { describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { openDatabase } from '../db';
import { storedEventDoc, uniqueName } from '../test-support';
import { deriveDataKeys, generateDataKey } from './data-keys';
import { isSealed } from './envelope';
import { holdsSealedDocuments } from './sealed-storage';

const storage = () => getRxStorageMemory() as RxStorage<unknown, unknown>;
const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const personal = { complainant: { name: '王小明', phone: '13800138000', customerType: 'ordinary' }, description: '王小明投诉' };

describe('sealed storage', () => {
  it('keeps the payload sealed in the storage and gives RxDB, queries and change events the value as written', async () => {
    const { cipher } = await deriveDataKeys(await generateDataKey());
    const name = uniqueName('sealed');
    const s = storage();
    const db = await openDatabase({ name, storage: s, cipher });
    const event = storedEventDoc({ i: 0, type: 'note.added', complaintId: 'c-1', wallMs: T0, payload: { text: '王小明 13800138000' } });
    const seen: unknown[] = [];
    const sub = db.events.$.subscribe((e) => seen.push(e.documentData.payload));
    await db.events.insert(event);
    await db.events.insert({ ...storedEventDoc({ i: 1, type: 'complaint.created', complaintId: 'c-1', wallMs: T0 }), payload: personal });
    expect(seen).toEqual([event.payload, personal]);
    sub.unsubscribe();
    await db.close();

    // Another opening with the same key reads back what was written.
    const again = await openDatabase({ name, storage: s, cipher });
    const found = await again.events.find({ selector: { complaintId: 'c-1' }, sort: [{ hlc: 'asc' }] }).exec();
    expect(found.map((d) => d.payload)).toEqual([event.payload, personal]);
    await again.close();

    // The same storage without the sealing layer: what lies on disk.
    const raw = await openDatabase({ name, storage: s });
    const stored = (await raw.events.find().exec()).map((d) => d.toJSON(true));
    expect(stored.every((d) => isSealed(d.payload))).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/13800138000|王小明/);
    await raw.remove();
  });

  it('reads a clear value stored before sealing as it is, and refuses sealed values without the key', async () => {
    const name = uniqueName('sealed');
    const s = storage();
    const clear = await openDatabase({ name, storage: s });
    await clear.events.insert(storedEventDoc({ i: 0, type: 'note.added', complaintId: 'c-1', wallMs: T0, payload: { text: 'old' } }));
    await clear.close();
    const { cipher } = await deriveDataKeys(await generateDataKey());
    const db = await openDatabase({ name, storage: s, cipher });
    expect((await db.events.findOne('e-c-1-0').exec())?.payload).toEqual({ text: 'old' });
    await db.events.insert(storedEventDoc({ i: 1, type: 'note.added', complaintId: 'c-1', wallMs: T0 + 1, payload: { text: 'new' } }));
    await db.close();
    const keyless = await openDatabase({ name, storage: s, cipher: null });
    await expect(keyless.events.findOne('e-c-1-1').exec()).rejects.toThrow(/data key/);
    // Told without the key, before reading anything through it.
    expect(await holdsSealedDocuments(keyless.events.storageInstance.originalStorageInstance)).toBe(true);
    await keyless.remove();
  });

  it('tells a storage holding only clear values from one holding a sealed one, deleted documents included', async () => {
    const name = uniqueName('sealed');
    const s = storage();
    const keyless = await openDatabase({ name, storage: s, cipher: null });
    await keyless.events.insert(storedEventDoc({ i: 0, type: 'note.added', complaintId: 'c-1', wallMs: T0, payload: { text: 'clear' } }));
    expect(await holdsSealedDocuments(keyless.events.storageInstance.originalStorageInstance)).toBe(false);
    await keyless.close();
    const { cipher } = await deriveDataKeys(await generateDataKey());
    const keyed = await openDatabase({ name, storage: s, cipher });
    await keyed.events.insert(storedEventDoc({ i: 1, type: 'note.added', complaintId: 'c-1', wallMs: T0 + 1, payload: { text: 'sealed' } }));
    await keyed.events.findOne('e-c-1-1').remove();
    await keyed.close();
    const again = await openDatabase({ name, storage: s, cipher: null });
    expect(await holdsSealedDocuments(again.events.storageInstance.originalStorageInstance)).toBe(true);
    await again.remove();
  });
});
