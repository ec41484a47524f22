import { describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { makeEvent } from '../../../shared/events/make-event';
import { samplePayloads } from '../../../shared/test-support/sample-payloads';
import { fold } from '../../../shared/fold/fold';
import { formatHlc } from '../../../shared/hlc/hlc';
import { defaultPolicy } from '../../../shared/policy/policy';
import { defaultCalendar } from '../../../shared/calendar/calendar';
import { openDatabase } from '../db';
import { fromStoredEvent } from '../projection/event-conversion';
import { uniqueName } from '../test-support';
import { complaintsSchema } from './complaints-schema';
import { eventsSchema } from './events-schema';

/** The complaints schema as version 0 shipped it: no open/recency keys, the whole projection stored. */
function schemaV0(): RxJsonSchema<Record<string, unknown>> {
  const { open: _o, recency: _r, ...properties } = complaintsSchema.properties as Record<string, unknown>;
  return {
    ...(complaintsSchema as unknown as RxJsonSchema<Record<string, unknown>>),
    version: 0,
    properties: properties as never,
    required: (complaintsSchema.required as string[]).filter((f) => f !== 'open' && f !== 'recency'),
    indexes: ['number', 'updatedAt', 'nextDue', ['phoneDigits', 'createdAt'], ['branchId', 'status', 'nextDue'], ['branchId', 'updatedAt'],
      ['ownerId', 'status', 'nextDue'], ['ownerId', 'updatedAt'], ['status', 'nextDue'], ['status', 'updatedAt']],
  };
}

describe('complaints schema migration', () => {
  it('recomputes version 0 documents (keys, slim projection) and leaves the events alone', async () => {
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const name = uniqueName('migrate');
    const created = makeEvent({
      id: 'e-1', type: 'complaint.created', complaintId: 'c-1', actorId: 'u-agent-gz', branchId: 'gz',
      payload: samplePayloads['complaint.created'],
      hlc: formatHlc({ wallMs: Date.parse('2026-11-23T02:00:00Z'), counter: 0, node: '0123456789abcdef' }),
      occurredAt: '2026-11-23T02:00:00.000Z',
    });
    const p = fold([created], { policy: defaultPolicy, calendar: defaultCalendar() })!;
    expect(p.events).toHaveLength(1);
    const { _deleted, ...event } = fromStoredEvent(created);
    void _deleted;

    const old = await createRxDatabase({ name, storage });
    await old.addCollections({ complaints: { schema: schemaV0() }, events: { schema: eventsSchema } });
    await old.collections.complaints!.insert({
      id: 'c-1', number: p.number, branchId: 'gz', status: p.status, grade: p.grade ?? 0, category: p.category ?? '',
      ownerId: 'u-agent-gz', assigneeId: '', handlingDue: '9999-12-31T23:59:59.999Z', nextDue: '9999-12-31T23:59:59.999Z',
      nextClock: '', updatedAt: p.updatedAt, createdAt: p.createdAt ?? '', escalationLevel: 0, phoneDigits: '', lastHlc: p.lastHlc, p,
    });
    await old.collections.events!.insert(event);
    const eventBefore = (await old.collections.events!.findOne('e-1').exec())!.toJSON(true);
    await old.close();

    const db = await openDatabase({ name, storage, devMode: true });
    try {
      const doc = (await db.complaints.findOne('c-1').exec())!.toJSON(true);
      expect(doc.open).toBe(1);
      expect(doc.recency).toMatch(/^\d{13}$/);
      expect(doc.nextDue).not.toBe('9999-12-31T23:59:59.999Z');
      expect(doc.p.events).toEqual([]);
      expect(doc.p.timeline).toEqual(p.timeline);
      const found = await db.complaints.find({ selector: { branchId: 'gz', open: 1 }, sort: [{ nextDue: 'asc' }, { id: 'asc' }] }).exec();
      expect(found.map((d) => d.id)).toEqual(['c-1']);
      expect((await db.events.findOne('e-1').exec())!.toJSON(true)).toEqual(eventBefore);
    } finally {
      await db.remove();
    }
  });
});
