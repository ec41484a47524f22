import { describe, expect, it } from 'vitest';
import type { EventType } from '../../../shared/events/catalogue';
import { fold } from '../../../shared/fold/fold';
import type { DataStore } from '../store';
import { openLocalStore, testUsers, closedAfterEach, storedEventDoc } from '../test-support';
import { toStoredEvent } from './event-conversion';
import { storedProjection, toComplaintDoc } from './complaint-doc';
import type { EventDoc } from '../schema/events-schema';

const stores = closedAfterEach();

const T0 = Date.parse('2026-11-23T02:00:00.000Z');

function ev(i: number, type: EventType, complaintId = 'c-1') {
  return storedEventDoc({ i, type, complaintId, wallMs: T0 + i * 60_000 });
}

const story = (complaintId = 'c-1'): EventDoc[] => [
  ev(0, 'complaint.created', complaintId),
  ev(1, 'soothing.recorded', complaintId),
  ev(2, 'note.added', complaintId),
  ev(3, 'work_order.filed', complaintId),
  ev(4, 'complaint.graded', complaintId),
];
/** The story with a note after the grading: six events a complaint, for the batching tests. */
const longerStory = (complaintId: string): EventDoc[] => [...story(complaintId), ev(5, 'note.added', complaintId)];

async function projection(store: DataStore, id = 'c-1') {
  await store.projector.idle();
  const doc = await store.db.complaints.findOne(id).exec();
  return doc ? doc.toJSON(true).p : null;
}

function expected(store: DataStore, events: EventDoc[]) {
  const ref = store.referenceStore.current();
  const p = fold(events.filter((e) => e.status !== 'rejected').map(toStoredEvent), { policy: ref.policy, calendar: ref.calendar });
  return p && storedProjection(p);
}

async function open() {
  const store = await openLocalStore(testUsers.supervisor);
  stores.push(store);
  return store;
}

describe('projector', () => {
  it('updates incrementally, one event at a time, to the fold of all of them', async () => {
    const store = await open();
    const events = story();
    for (const [i, e] of events.entries()) {
      await store.db.events.insert(e);
      expect(await projection(store)).toEqual(expected(store, events.slice(0, i + 1)));
    }
    expect((await projection(store))?.eventCount).toBe(events.length);
  });

  it('puts a late event in its place', async () => {
    const store = await open();
    const events = story();
    const late = events.splice(2, 1);
    await store.db.events.bulkInsert(events);
    await store.db.events.insert(late[0]!);
    const p = await projection(store);
    expect(p).toEqual(expected(store, story()));
    expect(p?.timeline.map((t) => t.eventId)).toEqual(story().map((e) => e.id));
  });

  it('builds a complaint whose creation arrives last', async () => {
    const store = await open();
    const events = story();
    for (const e of [...events].reverse()) await store.db.events.insert(e);
    expect(await projection(store)).toEqual(expected(store, events));
  });

  it('never folds a rejected event, and recomputes when a folded one is rejected later', async () => {
    const store = await open();
    const events = story();
    await store.db.events.bulkInsert(events);
    await store.db.events.insert({ ...ev(5, 'note.added'), status: 'rejected', reason: { code: 'scope', message: 'no' } });
    expect((await projection(store))?.eventCount).toBe(events.length);

    const graded = await store.db.events.findOne(events[4]!.id).exec();
    await graded!.incrementalPatch({ status: 'rejected', reason: { code: 'forbidden', message: 'Role may not grade' } });
    const p = await projection(store);
    expect(p).toEqual(expected(store, events.slice(0, 4)));
    expect(p?.timeline.some((t) => t.eventId === events[4]!.id)).toBe(false);
  });

  it('a rejected creation removes the complaint from the projection', async () => {
    const store = await open();
    await store.db.events.insert(ev(0, 'complaint.created'));
    expect(await projection(store)).not.toBeNull();
    const created = await store.db.events.findOne(ev(0, 'complaint.created').id).exec();
    await created!.incrementalPatch({ status: 'rejected', reason: { code: 'schema', message: 'bad' } });
    expect(await projection(store)).toBeNull();
  });

  it('a confirmation from the server leaves the projection as it was', async () => {
    const store = await open();
    await store.db.events.bulkInsert(story());
    const before = await projection(store);
    const doc = await store.db.events.findOne(story()[1]!.id).exec();
    await doc!.incrementalPatch({ status: 'accepted', seq: 7, receivedAt: new Date(T0).toISOString() });
    expect(await projection(store)).toEqual(before);
  });

  it('catches up on events written while it was not running', async () => {
    const store = await open();
    await store.db.events.insert(ev(0, 'complaint.created'));
    await store.projector.idle();
    store.projector.stop();
    const rest = story().slice(1);
    await store.db.events.bulkInsert(rest);
    const { createProjector } = await import('./projector');
    const again = createProjector(store.db, store.meta, () => {
      const ref = store.referenceStore.current();
      return { policy: ref.policy, calendar: ref.calendar };
    });
    await again.start();
    await again.idle();
    const doc = await store.db.complaints.findOne('c-1').exec();
    expect(doc?.toJSON(true).p).toEqual(expected(store, story()));
    again.stop();
  });

  it('folds pulled batches once per complaint, whatever the split and order, to the fold of all events', async () => {
    const store = await open();
    const stories = ['c-1', 'c-2', 'c-3'].map(longerStory);
    // Interleaved across complaints and shuffled in time: some bulks carry late events, some several per complaint.
    const all = stories.flat();
    const order = [7, 0, 12, 3, 1, 14, 2, 9, 17, 4, 5, 6, 13, 8, 15, 10, 11, 16];
    const bulks = [order.slice(0, 5), order.slice(5, 6), order.slice(6, 12), order.slice(12)];
    for (const bulk of bulks) await store.db.events.bulkInsert(bulk.map((i) => all[i]!));
    for (const [i, id] of ['c-1', 'c-2', 'c-3'].entries()) {
      expect(await projection(store, id)).toEqual(expected(store, stories[i]!));
    }
  });

  it('folds pulled pages arriving back to back to the fold of all events', async () => {
    const store = await open();
    const ids = Array.from({ length: 30 }, (_, i) => `c-${i}`);
    const stories = ids.map(longerStory);
    // Server order: every complaint's first event, then every second one, and so on; full pages, then a short last one.
    const pulled = [0, 1, 2, 3, 4, 5].flatMap((k) => stories.map((s) => s[k]!));
    for (const page of [pulled.slice(0, 120), pulled.slice(120, 240), pulled.slice(240, 360), pulled.slice(360)]) {
      await store.db.events.bulkInsert(page);
    }
    for (const [i, id] of ids.entries()) {
      expect(await projection(store, id)).toEqual(expected(store, stories[i]!));
    }
  });

  it('extends the stored document, not its own last write, when something else rewrote it', async () => {
    const store = await open();
    const events = story();
    await store.db.events.bulkInsert(events);
    await store.projector.idle();
    // Another writer leaves an older projection (of the first two events) in the document.
    const older = fold(events.slice(0, 2).map(toStoredEvent), { policy: store.referenceStore.current().policy, calendar: store.referenceStore.current().calendar });
    await store.db.complaints.upsert(toComplaintDoc(older!));
    const late = ev(6, 'note.added');
    await store.db.events.insert(late);
    expect(await projection(store)).toEqual(expected(store, [...events.slice(0, 2), late]));
  });

  it('stores the projection without its event list', async () => {
    const store = await open();
    await store.db.events.bulkInsert([...story(), ev(5, 'parties.notified')]);
    const p = await projection(store);
    expect(p?.eventCount).toBe(6);
    // Only the event the reports read stays in the document.
    expect(p?.events.map((e) => e.type)).toEqual(['parties.notified']);
    const doc = await store.db.complaints.findOne('c-1').exec();
    expect(doc?.open).toBe(1);
  });
});
