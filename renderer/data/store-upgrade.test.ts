import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { makeEvent } from '../../shared/events/make-event';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import { fold } from '../../shared/fold/fold';
import { formatHlc } from '../../shared/hlc/hlc';
import { defaultPolicy } from '../../shared/policy/policy';
import { defaultCalendar } from '../../shared/calendar/calendar';
import { complaintsSchema } from './schema/complaints-schema';
import { toComplaintDoc } from './projection/complaint-doc';
import type { UpgradeProgress } from './schema/migrate-collections';
import { userDatabaseName } from './user-database-name';
import { memoryStorage, openTestWorkstation, testUsers, uniqueName } from './test-support';
import type { WorkstationStore } from './store';

let open: WorkstationStore[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.close()));
  open = [];
});

/** A replica left by a build one complaints-schema version behind (the strategy recomputes each document from its projection). */
async function olderReplica(name: string, storage: ReturnType<typeof memoryStorage>, n: number) {
  const created = makeEvent({
    id: 'e-1', type: 'complaint.created', complaintId: 'c-1', actorId: testUsers.agent.id, branchId: 'gz',
    payload: samplePayloads['complaint.created'],
    hlc: formatHlc({ wallMs: Date.parse('2026-11-23T02:00:00Z'), counter: 0, node: '0123456789abcdef' }),
    occurredAt: '2026-11-23T02:00:00.000Z',
  });
  const p = fold([created], { policy: defaultPolicy, calendar: defaultCalendar() })!;
  const old = await createRxDatabase({ name, storage });
  await old.addCollections({ complaints: { schema: { ...complaintsSchema, version: 0 } as RxJsonSchema<unknown> } });
  await old.collections.complaints!.bulkInsert(Array.from({ length: n }, (_, i) => toComplaintDoc({ ...p, id: `c-${i}`, number: `N-${i}` })));
  await old.close();
}

describe("a user's replica on an older schema", () => {
  it('is upgraded before the store opens, its progress on upgrade$ rising to the total, then null', async () => {
    const storage = memoryStorage();
    const databaseName = uniqueName('upgrade');
    const n = 1500;
    await olderReplica(await userDatabaseName(databaseName, testUsers.agent.id), storage, n);

    const ws = await openTestWorkstation({ storage, databaseName });
    open.push(ws);
    const seen: (UpgradeProgress | null)[] = [];
    const sub = ws.upgrade$.subscribe((p) => seen.push(p));
    await ws.meta.set('session.current', { user: testUsers.agent, offline: true });
    await ws.session.restore();
    const store = await ws.settled();
    sub.unsubscribe();

    expect(store).not.toBeNull();
    expect(await store!.db.complaints.count().exec()).toBe(n);
    expect((await store!.db.complaints.findOne('c-1234').exec())!.number).toBe('N-1234');
    const during = seen.filter((p): p is UpgradeProgress => p !== null);
    expect(during.every((p) => p.collection === 'complaints' && p.total === n)).toBe(true);
    const handled = during.map((p) => p.handled);
    expect(handled).toEqual([...handled].sort((a, b) => a - b));
    expect(handled.some((h) => h > 0 && h < n)).toBe(true);
    expect(handled.at(-1)).toBe(n);
    expect(seen.at(-1)).toBeNull();
  });
});
