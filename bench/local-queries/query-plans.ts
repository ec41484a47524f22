import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openDatabase } from '../../renderer/data/db';
import { queueSelector, queueSort } from '../../renderer/data/live/queue-selector';
import { queuePlan } from '../../renderer/data/live/queue-plan';
import type { QueueFilter } from '../../renderer/data/types/queue';
import type { SessionUser } from '../../renderer/data/types/session';
import { defaultCalendar } from '../../shared/calendar/calendar';

/**
 * RxDB's own plans for the benchmarked queue queries, from a collection with
 * the renderer's schema (the planner does not depend on the storage): which
 * index each uses, over what range, and whether the index alone gives the
 * order and the filter. One row per query queue$ actually runs (queue-plan.ts
 * splits a queue into page and count parts). Printed beside the timings as evidence.
 */
export interface PlanRow {
  query: string;
  index: string;
  range: string;
  sortSatisfied: boolean;
  selectorSatisfied: boolean;
}

export async function queuePlans(user: SessionUser, nowMs: number): Promise<PlanRow[]> {
  const db = await openDatabase({ name: `plans-${Date.now()}`, storage: getRxStorageMemory() });
  try {
    const cases: [string, QueueFilter][] = [
      ['queue page', { scope: 'branch', status: ['registered', 'filed', 'callback_pending', 'in_progress'], sort: 'deadline', limit: 50 }],
      ['due today', { scope: 'branch', dueToday: true, sort: 'deadline', limit: 50 }],
      ['due today, grade 2', { scope: 'branch', dueToday: true, grade: 2, sort: 'deadline', limit: 50 }],
    ];
    const parts = cases.flatMap(([name, filter]) => {
      const plan = queuePlan(queueSelector({ filter, user, reference: { users: [], calendar: defaultCalendar() }, nowMs }));
      const label = (kind: string, i: number, n: number) => `${name}, ${kind}${n > 1 ? ` ${i + 1}/${n}` : ''}`;
      return [
        ...plan.pages.map((selector, i, all) => ({ name: label('page', i, all.length), q: db.complaints.find({ selector, sort: queueSort(filter), limit: 50 }) })),
        ...plan.counts.map((selector, i, all) => ({ name: label('count', i, all.length), q: db.complaints.count({ selector }) })),
      ];
    });
    return parts.map(({ name, q }) => {
      const plan = (q as unknown as { getPreparedQuery(): { queryPlan: { index: string[]; startKeys: unknown[]; endKeys: unknown[]; sortSatisfiedByIndex: boolean; selectorSatisfiedByIndex: boolean } } }).getPreparedQuery().queryPlan;
      const key = (k: unknown[]) => k.map((v) => (typeof v === 'number' && Math.abs(v) > 1e15 ? '−∞' : v === '\uffff' ? '+∞' : String(v))).join(', ');
      return {
        query: name,
        index: plan.index.join(', '),
        range: `[${key(plan.startKeys)}] … [${key(plan.endKeys)}]`,
        sortSatisfied: plan.sortSatisfiedByIndex,
        selectorSatisfied: plan.selectorSatisfiedByIndex,
      };
    });
  } finally {
    await db.remove();
  }
}
