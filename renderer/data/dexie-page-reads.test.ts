import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { IDBIndex, IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type MangoQuery, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withPageReads } from './dexie-page-reads';

interface Row {
  id: string;
  branchId: string;
  open: boolean;
  status: string;
  nextDue: string;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    branchId: { type: 'string', maxLength: 10 },
    open: { type: 'boolean' },
    status: { type: 'string', maxLength: 20 },
    nextDue: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'branchId', 'open', 'status', 'nextDue'],
  indexes: [
    ['branchId', 'open', 'nextDue', 'id'],
    ['branchId', 'status', 'nextDue', 'id'],
  ],
} as const;

const STATUSES = ['registered', 'filed', 'callback_pending', 'closed'];

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[(i * 7) % STATUSES.length]!;
    return {
      id: `c${String(i).padStart(4, '0')}`,
      branchId: i % 3 === 0 ? 'dg' : 'gz',
      open: status !== 'closed',
      status,
      // Many rows share a deadline, so the order within one deadline is the id's.
      nextDue: `2026-12-${String(1 + ((i * 13) % 9)).padStart(2, '0')}T09:00:00.000Z`,
    };
  });
}

const opened: RxDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
  vi.restoreAllMocks();
});

async function collectionOn(storage: RxStorage<unknown, unknown>, data: Row[]) {
  const db = await createRxDatabase({ name: `pages${Math.random().toString(36).slice(2)}`, storage });
  opened.push(db);
  const { items } = await db.addCollections({ items: { schema } });
  await items.bulkInsert(data);
  return items;
}

describe('queue pages read with one getAll on IndexedDB', () => {
  it('answers every ordered, bounded query exactly as RxDB’s cursor walk does, and uses getAll for it', async () => {
    const plain = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const data = rows(240);
    const cursor = await collectionOn(plain, data);
    const paged = await collectionOn(withPageReads(plain), data);
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('gz', 'dg'),
        fc.subarray(STATUSES, { minLength: 1 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.constantFrom('2026-12-03T09:00:00.000Z', '2026-12-07T09:00:00.000Z'), { nil: undefined }),
        async (branchId, statuses, byOpen, skip, limit, from) => {
          const selector: Record<string, unknown> = byOpen ? { branchId, open: true, status: { $in: statuses } } : { branchId, status: { $eq: statuses[0] } };
          if (from) selector.nextDue = { $gte: from };
          const query = { selector, sort: [{ nextDue: 'asc' }, { id: 'asc' }], skip, limit } as MangoQuery<Row>;
          const expected = (await cursor.find(query).exec()).map((d) => d.id);
          const got = (await paged.find(query).exec()).map((d) => d.id);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    expect(getAll).toHaveBeenCalled();
  }, 60_000);

  it('leaves unbounded queries and counts to RxDB', async () => {
    const plain = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const paged = await collectionOn(withPageReads(plain), rows(30));
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const all = await paged.find({ selector: { branchId: 'gz', open: true }, sort: [{ nextDue: 'asc' }, { id: 'asc' }] }).exec();
    expect(all.length).toBeGreaterThan(0);
    expect(await paged.count({ selector: { branchId: 'gz', status: 'filed' } }).exec()).toBeGreaterThan(0);
    expect(getAll).not.toHaveBeenCalled();
  });
});
