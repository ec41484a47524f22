import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { defaultCalendar } from '../../../shared/calendar/calendar';
import { openDatabase, type HotlineDatabase } from '../db';
import { uniqueName, testUsers } from '../test-support';
import type { QueueFilter } from '../types/queue';
import { queueSelector, queueSort } from './queue-selector';
import { mergePages, queuePlan, MAX_PARTS } from './queue-plan';

let db: HotlineDatabase;
beforeAll(async () => {
  db = await openDatabase({ name: uniqueName('plans'), storage: getRxStorageMemory() });
});
afterAll(async () => {
  await db.close();
});

const users = [
  { ...testUsers.agent },
  { ...testUsers.lead },
  { id: 'u-other', username: 'other', displayName: 'Other', role: 'agent', branchId: 'gz', teamId: 't-gz-1' },
] as never;
const nowMs = Date.parse('2026-11-23T06:00:00Z');

interface Plan {
  index: string[];
  sortSatisfiedByIndex: boolean;
  selectorSatisfiedByIndex: boolean;
}
function plans(filter: QueueFilter): { pages: Plan[]; counts: Plan[] } {
  const selector = queueSelector({ filter, user: testUsers.agent, reference: { users, calendar: defaultCalendar() }, nowMs });
  const plan = queuePlan(selector);
  const of = (part: (typeof plan.pages)[number]) => {
    const q = db.complaints.find({ selector: part, sort: queueSort(filter), limit: 50 });
    return (q as unknown as { getPreparedQuery(): { queryPlan: Plan } }).getPreparedQuery().queryPlan;
  };
  return { pages: plan.pages.map(of), counts: plan.counts.map(of) };
}

describe('queue query plans', () => {
  const common: [string, QueueFilter][] = [
    ['branch, open statuses, by deadline', { scope: 'branch', status: ['registered', 'filed', 'callback_pending', 'in_progress', 'resolved'], sort: 'deadline' }],
    ['branch, four statuses, by deadline', { scope: 'branch', status: ['registered', 'filed', 'callback_pending', 'in_progress'], sort: 'deadline' }],
    ['mine, by deadline', { scope: 'mine', sort: 'deadline' }],
    ['mine, by last update', { scope: 'mine', sort: 'updated' }],
    ['team, one status', { scope: 'team', status: 'callback_pending', sort: 'deadline' }],
    ['team, two statuses', { scope: 'team', status: ['filed', 'in_progress'], sort: 'deadline' }],
    ['all, overdue', { scope: 'all', overdue: true, sort: 'deadline' }],
    ['branch, due today', { scope: 'branch', dueToday: true, sort: 'deadline' }],
    ['branch, closed ones by update', { scope: 'branch', status: ['not_accepted', 'withdrawn', 'closed', 'revoked'], sort: 'updated' }],
  ];
  it.each(common)('%s: every page part walks an index in queue order, every count part is counted by the index alone', (_name, filter) => {
    const { pages, counts } = plans(filter);
    for (const plan of pages) expect(plan.sortSatisfiedByIndex).toBe(true);
    for (const plan of counts) expect(plan.selectorSatisfiedByIndex).toBe(true);
  });

  it('walks one (branch, open, nextDue) range for a set of open statuses, and counts each status', () => {
    const { pages, counts } = plans({ scope: 'branch', status: ['registered', 'filed', 'callback_pending', 'in_progress'], sort: 'deadline' });
    expect(pages.map((p) => p.index)).toEqual([['_deleted', 'branchId', 'open', 'nextDue', 'id']]);
    expect(counts.map((p) => p.index[2])).toEqual(['status', 'status', 'status', 'status']);
  });

  it('bounds due today by the nextDue range under branch and open', () => {
    const [plan] = plans({ scope: 'branch', dueToday: true, sort: 'deadline' }).counts;
    expect(plan?.selectorSatisfiedByIndex).toBe(true);
    expect(plan?.index).toEqual(['_deleted', 'branchId', 'open', 'nextDue', 'id']);
  });

  it('keeps the order from the index with filters the index does not hold', () => {
    for (const plan of plans({ scope: 'branch', dueToday: true, grade: 2, sort: 'deadline' }).pages) expect(plan.sortSatisfiedByIndex).toBe(true);
  });
});

describe('queuePlan', () => {
  it('splits owners into disjoint page parts and owners × statuses into disjoint count parts', () => {
    const plan = queuePlan({ ownerId: { $in: ['a', 'b'] }, status: { $in: ['filed', 'in_progress'] }, grade: { $eq: 2 } });
    expect(plan.pages).toEqual([
      { ownerId: { $eq: 'a' }, status: { $in: ['filed', 'in_progress'] }, open: { $eq: 1 }, grade: { $eq: 2 } },
      { ownerId: { $eq: 'b' }, status: { $in: ['filed', 'in_progress'] }, open: { $eq: 1 }, grade: { $eq: 2 } },
    ]);
    expect(plan.counts).toEqual([
      { ownerId: { $eq: 'a' }, status: { $eq: 'filed' }, grade: { $eq: 2 } },
      { ownerId: { $eq: 'b' }, status: { $eq: 'filed' }, grade: { $eq: 2 } },
      { ownerId: { $eq: 'a' }, status: { $eq: 'in_progress' }, grade: { $eq: 2 } },
      { ownerId: { $eq: 'b' }, status: { $eq: 'in_progress' }, grade: { $eq: 2 } },
    ]);
  });
  it('splits statuses of both kinds for the page too', () => {
    const plan = queuePlan({ branchId: { $eq: 'gz' }, status: { $in: ['in_progress', 'closed'] } });
    expect(plan.pages).toEqual([
      { branchId: { $eq: 'gz' }, status: { $eq: 'in_progress' } },
      { branchId: { $eq: 'gz' }, status: { $eq: 'closed' } },
    ]);
  });
  it('leaves a selector whole when the split would be too wide', () => {
    const owners = Array.from({ length: MAX_PARTS + 1 }, (_, i) => `u${i}`);
    const selector = { ownerId: { $in: owners } };
    expect(queuePlan(selector)).toEqual({ pages: [selector], counts: [selector] });
  });
});

describe('mergePages', () => {
  const row = (id: string, nextDue: string) => ({ id, nextDue, recency: '' });
  it('merges sorted part pages into the requested page of the whole', () => {
    const a = [row('a1', '2026-01-01'), row('a2', '2026-01-03'), row('a3', '2026-01-05')];
    const b = [row('b1', '2026-01-02'), row('b2', '2026-01-03'), row('b3', '2026-01-04')];
    expect(mergePages([a, b], 'nextDue', 2, 3).map((r) => r.id)).toEqual(['a2', 'b2', 'b3']);
  });
});
