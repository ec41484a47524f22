import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../../shared/fold/projection';
import { toComplaintDoc } from '../data/projection/complaint-doc';
import type { DataStore } from '../data/store';
import { openLocalStore, testUsers } from '../data/test-support';
import { supervisorAttention$ } from './use-supervisor-attention';

const complaint = (i: number, change: Partial<ComplaintProjection> = {}): ComplaintProjection => ({
  ...emptyProjection(`c-${String(i).padStart(6, '0')}`, 'gz'),
  number: `GZ-${i}`,
  status: 'in_progress',
  updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  ...change,
});
const pendingRefund = { requestId: 'r', amount: 900, withinAuthority: false, decision: 'pending' as const };

describe('supervisorAttention$', () => {
  let store: DataStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('finds the oldest complaints among more than a page, and follows later writes', async () => {
    store = await openLocalStore(testUsers.supervisor);
    // 1,200 complaints: the refund waits on the least recently updated one.
    const docs = Array.from({ length: 1200 }, (_, i) => toComplaintDoc(complaint(i, i === 0 ? { refunds: [pendingRefund] } : {})));
    await store.db.complaints.bulkInsert(docs);

    const first = await firstValueFrom(supervisorAttention$(store).pipe(filter((s) => !s.loading)));
    expect([...first.entries.keys()]).toEqual(['c-000000']);

    // A concurrent edit superseded on another complaint, and the refund decided.
    const conflict = complaint(700, {
      timeline: [{ eventId: 'e', type: 'resolution.recorded', hlc: 'h', actorId: 'u', occurredAt: '', state: 'superseded' }],
    });
    await store.db.complaints.upsert(toComplaintDoc(conflict));
    await store.db.complaints.upsert(toComplaintDoc(complaint(0, { refunds: [{ ...pendingRefund, decision: 'approved' }] })));
    const later = await firstValueFrom(supervisorAttention$(store).pipe(filter((s) => !s.entries.has('c-000000'))));
    expect([...later.entries.keys()]).toEqual(['c-000700']);
  });
});
