import { describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { memoryStorage, uniqueName } from '../test-support';
import { migrateCollections, type UpgradeProgress } from './migrate-collections';
import '../db';

interface NoteV0 { id: string; text: string }
interface NoteV1 { id: string; text: string; length: number }

const v0: RxJsonSchema<NoteV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 }, text: { type: 'string' } },
  required: ['id', 'text'],
};
const v1 = {
  ...v0,
  version: 1,
  properties: { ...v0.properties, length: { type: 'integer' } },
  required: ['id', 'text', 'length'],
} as unknown as RxJsonSchema<NoteV1>;

describe('migrateCollections', () => {
  it('carries every document over in several batches and reports progress rising to the total', async () => {
    const storage = memoryStorage();
    const name = uniqueName('batches');
    const n = 47;
    const old = await createRxDatabase({ name, storage });
    await old.addCollections({ notes: { schema: v0 }, other: { schema: v0 } });
    await old.collections.notes!.bulkInsert(Array.from({ length: n }, (_, i) => ({ id: `n-${i}`, text: 'x'.repeat(i) })));
    await old.collections.other!.insert({ id: 'o-1', text: 'unchanged' });
    await old.close();

    const db = await createRxDatabase({ name, storage });
    await db.addCollections({
      notes: { schema: v1, migrationStrategies: { 1: (d: NoteV0) => ({ ...d, length: d.text.length }) }, autoMigrate: false },
      other: { schema: v0, autoMigrate: false },
    });
    try {
      expect(await db.collections.notes!.migrationNeeded()).toBe(true);
      const seen: UpgradeProgress[] = [];
      await migrateCollections(db, (p) => seen.push(p), 10);

      expect(await db.collections.notes!.migrationNeeded()).toBe(false);
      const docs = (await db.collections.notes!.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
      expect(docs).toHaveLength(n);
      expect(new Map(docs.map((d) => [d.id, d.length]))).toEqual(new Map(Array.from({ length: n }, (_, i) => [`n-${i}`, i])));
      expect((await db.collections.other!.findOne('o-1').exec())!.toJSON()).toEqual({ id: 'o-1', text: 'unchanged' });

      // Only the collection that needed it, and more than one step of it (47 documents, 10 a step).
      expect(new Set(seen.map((p) => p.collection))).toEqual(new Set(['notes']));
      expect(seen.every((p) => p.total === n)).toBe(true);
      const handled = seen.map((p) => p.handled);
      expect(handled).toEqual([...handled].sort((a, b) => a - b));
      expect(new Set(handled.filter((h) => h > 0 && h < n)).size).toBeGreaterThan(1);
      expect(handled.at(-1)).toBe(n);
    } finally {
      await db.remove();
    }
  });

  it('does nothing and reports nothing when no collection needs migrating', async () => {
    const db = await createRxDatabase({ name: uniqueName('none'), storage: memoryStorage() });
    await db.addCollections({ notes: { schema: v1, autoMigrate: false } });
    const seen: UpgradeProgress[] = [];
    await migrateCollections(db, (p) => seen.push(p));
    expect(seen).toEqual([]);
    await db.remove();
  });
});
