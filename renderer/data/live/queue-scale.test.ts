import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { makeEvent } from '../../../shared/events/make-event';
import { samplePayloads } from '../../../shared/events/sample-payloads';
import { fold } from '../../../shared/fold/fold';
import { formatHlc } from '../../../shared/hlc/hlc';
import { COMPLAINT_STATUSES, type ComplaintProjection } from '../../../shared/fold/projection';
import { toComplaintDoc } from '../projection/complaint-doc';
import type { DataStore } from '../store';
import { openLocalStore, testUsers } from '../test-support';
import { queue$ } from './queue';
import { runningClocks } from '../../../shared/deadlines/running-clocks';

const N = 50_000;
let store: DataStore;

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
    deadlines: { ...base.deadlines, handling: due },
    description: `第${i}号投诉：${i % 100 === 0 ? '营业厅排队时间过长' : '话务员态度冷淡'}`,
    complainant: { ...base.complainant!, phone: `139${String(i).padStart(8, '0')}`, name: `客户${i}` },
  };
}

beforeAll(async () => {
  store = await openLocalStore(testUsers.agent);
  const ref = store.referenceStore.current();
  const created = makeEvent({
    id: 'seed',
    type: 'complaint.created',
    complaintId: 'seed',
    actorId: testUsers.agent.id,
    branchId: 'gz',
    payload: samplePayloads['complaint.created'],
    hlc: formatHlc({ wallMs: Date.parse('2026-11-23T02:00:00Z'), counter: 0, node: '0123456789abcdef' }),
    occurredAt: '2026-11-23T02:00:00.000Z',
  });
  const base = fold([created], { policy: ref.policy, calendar: ref.calendar })!;
  for (let start = 0; start < N; start += 5000) {
    const docs = [];
    for (let i = start; i < start + 5000; i += 1) docs.push(toComplaintDoc(complaint(base, i)));
    await store.db.complaints.bulkInsert(docs);
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

describe(`queues and search at ${N} local complaints`, () => {
  it('pages a filtered, sorted queue with its count quickly', async () => {
    const run = (filter: Parameters<typeof queue$>[1]) => timed(() => firstValueFrom(queue$(store, filter)));
    const branch = await run({ scope: 'branch', status: ['registered', 'filed', 'in_progress'], sort: 'deadline', limit: 50 });
    const mine = await run({ scope: 'mine', sort: 'updated', limit: 50, skip: 100 });
    const all = await run({ scope: 'all', grade: 3, sort: 'deadline', limit: 50 });
    console.log(`queue at ${N}: branch+status ${branch.ms.toFixed(0)} ms, mine page 3 ${mine.ms.toFixed(0)} ms, all+grade ${all.ms.toFixed(0)} ms`);

    expect(branch.value.items).toHaveLength(50);
    expect(branch.value.items.every((p) => p.branchId === 'gz' && ['registered', 'filed', 'in_progress'].includes(p.status))).toBe(true);
    const dues = branch.value.items.map((p) => runningClocks(p)[0]?.due ?? '');
    expect([...dues].sort()).toEqual(dues);
    expect(mine.value.count).toBe(Math.ceil(N / 7));
    expect(all.value.items.every((p) => p.grade === 3)).toBe(true);
    for (const r of [branch, mine, all]) expect(r.ms).toBeLessThan(3000);
  });

  it('searches Chinese text and phone digits across all of them', async () => {
    await store.search.search('排队', 1); // builds the index once
    const text = await timed(() => store.search.search('排队时间', 1000));
    const phone = await timed(() => store.search.search('00012345', 10));
    console.log(`search at ${N}: text ${text.ms.toFixed(1)} ms, phone ${phone.ms.toFixed(1)} ms`);
    expect(text.value).toHaveLength(N / 100);
    expect(phone.value).toEqual(['c-12345']);
    expect(text.ms).toBeLessThan(300);
  });
});
