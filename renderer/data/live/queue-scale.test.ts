import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { COMPLAINT_STATUSES, type ComplaintProjection, type ComplaintStatus } from '../../../shared/fold/projection';
import { toComplaintDoc } from '../projection/complaint-doc';
import type { ComplaintDoc } from '../schema/complaints-schema';
import type { DataStore } from '../store';
import { openLocalStore, testUsers, sampleIntake, seedProjection } from '../test-support';
import type { QueueFilter } from '../types/queue';
import { queue$ } from './queue';
import { endOfToday } from './queue-selector';
import { runningClocks } from '../../../shared/deadlines/running-clocks';
import { bindCommands } from '../commands';

const N = 50_000;
const NOW = Date.parse('2026-12-10T01:00:00Z');
const FOUR: ComplaintStatus[] = ['registered', 'filed', 'callback_pending', 'in_progress'];
let store: DataStore;
/** What was stored, to count the expected answers independently of the queries. */
const stored: Pick<ComplaintDoc, 'id' | 'branchId' | 'status' | 'ownerId' | 'nextDue' | 'grade'>[] = [];

function complaint(base: ComplaintProjection, i: number): ComplaintProjection {
  const due = new Date(Date.parse('2026-12-01T09:00:00Z') + (i % 5000) * 3_600_000).toISOString();
  return {
    ...base,
    id: `c-${i}`,
    number: `GZ-20261123-K7-${String(i).padStart(5, '0')}`,
    branchId: i % 3 === 0 ? 'dg' : 'gz',
    assigneeId: i % 7 === 0 ? testUsers.agent.id : `u-${i % 40}`,
    status: COMPLAINT_STATUSES[i % COMPLAINT_STATUSES.length]!,
    grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
    updatedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(),
    deadlines: { handling: due },
    description: `第${i}号投诉：${i % 100 === 0 ? '营业厅排队时间过长' : '话务员态度冷淡'}`,
    complainant: { ...base.complainant!, phone: `139${String(i).padStart(8, '0')}`, name: `客户${i}` },
  };
}

beforeAll(async () => {
  store = await openLocalStore(testUsers.agent, { now: () => NOW });
  const base = seedProjection(store);
  for (let start = 0; start < N; start += 5000) {
    const docs = [];
    for (let i = start; i < start + 5000; i += 1) docs.push(toComplaintDoc(complaint(base, i)));
    for (const d of docs) stored.push({ id: d.id, branchId: d.branchId, status: d.status, ownerId: d.ownerId, nextDue: d.nextDue, grade: d.grade });
    await store.db.complaints.bulkInsert(docs);
    // Written without the projector, which is what keeps the search index current.
    await store.search.apply(docs, []);
  }
}, 300_000);

afterAll(async () => {
  await store?.close();
});

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

/** Runs a queue several times, each a different page (no answer from RxDB's query cache): median and worst ms. */
async function measure(filter: QueueFilter, pages = 7) {
  const times: number[] = [];
  let first: Awaited<ReturnType<typeof firstValueFrom<import('../types/queue').QueueResult>>> | null = null;
  for (let page = 0; page < pages; page += 1) {
    const r = await timed(() => firstValueFrom(queue$(store, { ...filter, skip: (filter.skip ?? 0) + page * 50 })));
    times.push(r.ms);
    first ??= r.value;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, first: first! };
}

// Correctness at scale only: how fast these are is measured by the benchmarks in bench/, not asserted here on a shared machine.
describe(`queues and search at ${N} local complaints`, () => {
  it('pages a filtered, sorted queue with its count quickly', async () => {
    const branch = await measure({ scope: 'branch', status: FOUR, sort: 'deadline', limit: 50 });
    const mine = await measure({ scope: 'mine', sort: 'updated', limit: 50, skip: 100 });
    const all = await measure({ scope: 'all', grade: 3, sort: 'deadline', limit: 50 });
    const today = await measure({ scope: 'branch', dueToday: true, sort: 'deadline', limit: 50 }, 3);
    const fmt = (r: { median: number; max: number }) => `${r.median.toFixed(1)} / ${r.max.toFixed(1)} ms`;
    console.log(
      `queue at ${N} (median / max of 7 pages): branch+4 statuses ${fmt(branch)}, mine by update ${fmt(mine)}, all+grade ${fmt(all)}, due today ${fmt(today)}`,
    );

    const inBranch = stored.filter((d) => d.branchId === 'gz');
    expect(branch.first.items).toHaveLength(50);
    expect(branch.first.items.every((p) => p.branchId === 'gz' && FOUR.includes(p.status))).toBe(true);
    expect(branch.first.count).toBe(inBranch.filter((d) => FOUR.includes(d.status as ComplaintStatus)).length);
    const dues = branch.first.items.map((p) => runningClocks(p)[0]?.due ?? '');
    expect([...dues].sort()).toEqual(dues);
    const firstDues = inBranch.filter((d) => FOUR.includes(d.status as ComplaintStatus)).map((d) => `${d.nextDue}|${d.id}`).sort().slice(0, 50);
    expect(branch.first.items.map((p) => `${runningClocks(p)[0]?.due}|${p.id}`)).toEqual(firstDues);

    expect(mine.first.count).toBe(Math.ceil(N / 7));
    const updated = mine.first.items.map((p) => p.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(all.first.items.every((p) => p.grade === 3)).toBe(true);

    const now = new Date(NOW).toISOString();
    const end = endOfToday(NOW, store.referenceStore.current());
    const dueToday = inBranch.filter((d) => d.nextDue >= now && d.nextDue < end);
    expect(dueToday.length).toBeGreaterThan(0);
    expect(today.first.count).toBe(dueToday.length);
  });

  it('searches Chinese text and phone digits across all of them', async () => {
    await store.search.search('排队', 1); // builds the index once
    const text = await timed(() => store.search.search('排队时间', 1000));
    const phone = await timed(() => store.search.search('00012345', 10));
    console.log(`search at ${N}: text ${text.ms.toFixed(1)} ms, phone ${phone.ms.toFixed(1)} ms`);
    expect(text.value).toHaveLength(N / 100);
    expect(phone.value).toEqual(['c-12345']);
  });

  it('shows a saved complaint at the top of the queue soon after saving', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      // The command resolves once the projection holds the complaint; then the queue's first page.
      const created = await bindCommands(() => store).createComplaint(sampleIntake);
      if (!created.ok) throw new Error(created.error);
      const page = await firstValueFrom(queue$(store, { scope: 'mine', sort: 'updated', limit: 50, skip: 0 }));
      times.push(performance.now() - t);
      // Saved at the same pinned instant as the ones before it: among the first i + 1 rows.
      expect(page.items.slice(0, i + 1).map((p) => p.id)).toContain(created.complaintId);
    }
    console.log(`save to visible at ${N}: ${times.map((x) => x.toFixed(1)).join(', ')} ms`);
  });
});
