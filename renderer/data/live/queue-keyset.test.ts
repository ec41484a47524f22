import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstValueFrom } from 'rxjs';
import type { ComplaintStatus } from '../../../shared/fold/projection';
import { recencyOf, toComplaintDoc } from '../projection/complaint-doc';
import type { ComplaintDoc } from '../schema/complaints-schema';
import type { DataStore } from '../store';
import { openLocalStore, seedProjection, testUsers } from '../test-support';
import type { QueueCursor, QueueFilter } from '../types/queue';
import { queue$, queueCount$, queuePage$ } from './queue';
import { afterCursor } from './queue-keyset';
import { queuePlan } from './queue-plan';

const FOUR: ComplaintStatus[] = ['registered', 'filed', 'callback_pending', 'in_progress'];
const TEAM = [testUsers.agent.id, testUsers.lead.id];
let store: DataStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** A queue row: what the queries filter and sort on; the projection is one shared fold. */
type Row = { id: string; due: number; updated: number; owner: number };
let base: ComplaintDoc | null = null;
function docOf(s: DataStore, r: Row): ComplaintDoc {
  if (!base) {
    base = toComplaintDoc(seedProjection(s));
  }
  const updatedAt = new Date(Date.parse('2026-11-01T00:00:00Z') + r.updated * 60_000).toISOString();
  return {
    ...base,
    id: r.id,
    branchId: 'gz',
    status: FOUR[r.owner % 4]!,
    open: 1,
    ownerId: TEAM[r.owner % 2]!,
    // Few distinct keys: long runs of equal keys are where a cursor on the key alone would go wrong.
    nextDue: new Date(Date.parse('2026-12-01T09:00:00Z') + r.due * 3_600_000).toISOString(),
    updatedAt,
    recency: recencyOf(updatedAt),
    p: { ...base.p, id: r.id, updatedAt },
  };
}

const keyOf = (s: DataStore, r: Row, sort: 'deadline' | 'updated') => (sort === 'deadline' ? docOf(s, r).nextDue : docOf(s, r).recency);

type Mutation = { kind: 'insert'; row: Omit<Row, 'id'> } | { kind: 'delete'; pick: number } | { kind: 'move'; pick: number; due: number; updated: number };

const rowArb = fc.record({ due: fc.nat(5), updated: fc.nat(5), owner: fc.nat(3) });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), row: rowArb }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), due: fc.nat(5), updated: fc.nat(5) }),
);

const filters: QueueFilter[] = [
  { scope: 'branch', status: FOUR, sort: 'deadline' },
  { scope: 'team', sort: 'updated' },
  { scope: 'mine', status: ['filed', 'in_progress'], sort: 'deadline' },
];

describe('keyset paging of the queue', () => {
  it('pages every row that did not change exactly once, in order, while rows are added, removed and moved between pages', async () => {
    store = await openLocalStore(testUsers.lead);
    const s = store;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 0, maxLength: 60 }),
        fc.array(fc.array(mutationArb, { maxLength: 4 }), { maxLength: 12 }),
        fc.constantFrom(...filters),
        fc.integer({ min: 1, max: 9 }),
        async (initial, mutations, filter, limit) => {
          await s.db.complaints.find().remove();
          const rows = new Map<string, Row>();
          for (const r of initial) {
            const id = `c-${String(n++).padStart(6, '0')}`;
            rows.set(id, { ...r, id });
          }
          await s.db.complaints.bulkInsert([...rows.values()].map((r) => docOf(s, r)));
          const untouched = new Set(rows.keys());

          const seen: { id: string; key: string }[] = [];
          let after: QueueCursor | undefined;
          for (let page = 0; page < 200; page++) {
            // As the grid reads its pages: without a count each.
            const result = await firstValueFrom(queuePage$(s, { ...filter, limit, after }));
            for (const item of result.items) seen.push({ id: item.id, key: keyOf(s, rows.get(item.id)!, filter.sort!) });
            if (result.items.length < limit) break;
            after = result.last!;
            expect(after).toEqual(seen.at(-1));
            for (const m of mutations[page] ?? []) {
              const ids = [...rows.keys()];
              if (m.kind === 'insert') {
                const id = `c-${String(n++).padStart(6, '0')}`;
                rows.set(id, { ...m.row, id });
                await s.db.complaints.insert(docOf(s, rows.get(id)!));
              } else if (ids.length) {
                const id = ids[m.pick % ids.length]!;
                untouched.delete(id);
                if (m.kind === 'delete') {
                  rows.delete(id);
                  await s.db.complaints.findOne(id).remove();
                } else {
                  rows.set(id, { ...rows.get(id)!, due: m.due, updated: m.updated });
                  await s.db.complaints.upsert(docOf(s, rows.get(id)!));
                }
              }
            }
          }
          // In order without repeats: each row after the one before it.
          for (let i = 1; i < seen.length; i++) {
            const [a, b] = [seen[i - 1]!, seen[i]!];
            expect(a.key < b.key || (a.key === b.key && a.id < b.id), `${a.key}|${a.id} before ${b.key}|${b.id}`).toBe(true);
          }
          // The rows of the queue now, in one unpaged read: those that never changed were each paged once.
          const all = await firstValueFrom(queue$(s, { ...filter, limit: 100_000 }));
          const ids = seen.map((x) => x.id);
          for (const { id } of all.items) if (untouched.has(id)) expect(ids.filter((x) => x === id), id).toHaveLength(1);
          // The grid's one count for all its pages is the number of rows the queue holds.
          expect(all.count).toBe(all.items.length);
          expect(await firstValueFrom(queueCount$(s, { ...filter, limit, after }))).toBe(all.items.length);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('sees rows that offset paging loses when rows before the page are removed', async () => {
    store = await openLocalStore(testUsers.lead);
    const s = store;
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: `c-${String(i).padStart(3, '0')}`, due: i % 3, updated: i, owner: 0 }));
    const filter: QueueFilter = { scope: 'branch', status: FOUR, sort: 'deadline', limit: 10 };
    const pageThrough = async (keyset: boolean) => {
      await s.db.complaints.find().remove();
      await s.db.complaints.bulkInsert(rows.map((r) => docOf(s, r)));
      const seen: string[] = [];
      let after: QueueCursor | undefined;
      for (let page = 0; page < 3; page++) {
        const result = await firstValueFrom(queue$(s, keyset ? { ...filter, after } : { ...filter, skip: page * 10 }));
        seen.push(...result.items.map((p) => p.id));
        after = result.last ?? undefined;
        // Two rows already shown are closed and leave the queue.
        if (page === 0) for (const id of seen.slice(0, 2)) await s.db.complaints.findOne(id).remove();
      }
      return seen;
    };
    expect(new Set(await pageThrough(true)).size).toBe(30);
    expect(new Set(await pageThrough(false)).size).toBe(28);
  });

  it('reads each part after the cursor as exact index ranges in the queue order', async () => {
    store = await openLocalStore(testUsers.lead);
    const db = store.db;
    const plan = queuePlan({ branchId: { $eq: 'gz' }, open: { $eq: 1 }, nextDue: { $lt: '2026-12-02' } } as never);
    const { same, later } = afterCursor(plan.pages[0]!, 'nextDue', { key: '2026-12-01T10:00:00.000Z', id: 'c-5' });
    expect(same).toEqual({ branchId: { $eq: 'gz' }, open: { $eq: 1 }, nextDue: { $eq: '2026-12-01T10:00:00.000Z' }, id: { $gt: 'c-5' } });
    expect(later).toEqual({ branchId: { $eq: 'gz' }, open: { $eq: 1 }, nextDue: { $lt: '2026-12-02', $gt: '2026-12-01T10:00:00.000Z' } });
    // A cursor outside the part's range has no equal-key rows there.
    expect(afterCursor({ nextDue: { $gte: '2026-12-03' } } as never, 'nextDue', { key: '2026-12-01', id: 'c' })).toEqual({
      same: null,
      later: { nextDue: { $gte: '2026-12-03' } },
    });
    // Text search narrows to ids: only those above the cursor's id stay in the equal-key part.
    expect(afterCursor({ id: { $in: ['a', 'c', 'e'] } } as never, 'recency', { key: 'k', id: 'c' }).same).toEqual({
      recency: { $eq: 'k' },
      id: { $in: ['e'] },
    });

    const q = (selector: unknown) =>
      (
        db.complaints.find({ selector: selector as never, sort: [{ nextDue: 'asc' }, { id: 'asc' }], limit: 50 }) as unknown as {
          getPreparedQuery(): { queryPlan: { index: string[]; sortSatisfiedByIndex: boolean; startKeys: unknown[] } };
        }
      ).getPreparedQuery().queryPlan;
    for (const part of [same, later]) {
      const p = q(part);
      expect(p.index).toEqual(['_deleted', 'branchId', 'open', 'nextDue', 'id']);
      expect(p.sortSatisfiedByIndex).toBe(true);
    }
    expect(q(same).startKeys).toEqual([false, 'gz', 1, '2026-12-01T10:00:00.000Z', 'c-5']);
  });
});
