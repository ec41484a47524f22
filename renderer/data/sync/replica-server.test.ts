import { describe, expect, it } from 'vitest';
import { closedAfterEach, openLocalStore, storedEventDoc, testUsers } from '../test-support';
import type { EventDoc } from '../schema/events-schema';
import { BOOTSTRAP_KEY } from './bootstrap';
import { ensureReplicaServer } from './replica-server';

const stores = closedAfterEach();
const T0 = Date.parse('2026-11-23T02:00:00Z');
const CENTRAL = 'https://central.example.com';
const HUB = 'http://127.0.0.1:8788';

const mine = (doc: EventDoc): EventDoc => ({ ...doc, actorId: testUsers.agent.id });

describe('ensureReplicaServer', () => {
  it('keeps the replica while the server stays the same', async () => {
    const store = await openLocalStore(testUsers.agent);
    stores.push(store);
    await store.db.events.insert({ ...storedEventDoc({ i: 0, type: 'complaint.created', complaintId: 'c1', wallMs: T0 }), status: 'accepted', seq: 1 });
    const o = { events: store.db.events, meta: store.userMeta, projector: store.projector };
    expect(await ensureReplicaServer({ ...o, serverUrl: CENTRAL })).toEqual({ epoch: 0, reset: false });
    expect(await ensureReplicaServer({ ...o, serverUrl: CENTRAL })).toEqual({ epoch: 0, reset: false });
    expect(await store.db.events.count().exec()).toBe(1);
  });

  it("re-pointed, drops the old server's feed and keeps the user's unsynced and refused events", async () => {
    const store = await openLocalStore(testUsers.agent);
    stores.push(store);
    const pulled = { ...storedEventDoc({ i: 0, type: 'complaint.created', complaintId: 'other', wallMs: T0 }), status: 'accepted' as const, seq: 7 };
    await store.db.events.bulkInsert([
      pulled,
      { ...storedEventDoc({ i: 1, type: 'note.added', complaintId: 'other', wallMs: T0 + 1000 }), status: 'accepted', seq: 8 },
      { ...mine(storedEventDoc({ i: 0, type: 'complaint.created', complaintId: 'mine', wallMs: T0 + 2000 })), status: 'pending' },
      { ...mine(storedEventDoc({ i: 1, type: 'note.added', complaintId: 'mine', wallMs: T0 + 3000 })), status: 'pending' },
      {
        ...mine(storedEventDoc({ i: 2, type: 'note.added', complaintId: 'other', wallMs: T0 + 4000 })),
        status: 'rejected',
        seq: 9,
        reason: { code: 'forbidden', message: 'no' },
      },
    ]);
    await store.projector.idle();
    expect((await store.db.complaints.find().exec()).map((c) => c.id).sort()).toEqual(['mine', 'other']);
    await store.userMeta.set(BOOTSTRAP_KEY, { upTo: 8, after: null, done: true, complaints: 1, events: 2, total: null });
    const o = { events: store.db.events, meta: store.userMeta, projector: store.projector };
    await ensureReplicaServer({ ...o, serverUrl: CENTRAL });

    expect(await ensureReplicaServer({ ...o, serverUrl: HUB })).toEqual({ epoch: 1, reset: true });
    const left = await store.db.events.find({ sort: [{ hlc: 'asc' }] }).exec();
    expect(left.map((e) => [e.id, e.status])).toEqual([
      ['e-mine-0', 'pending'],
      ['e-mine-1', 'pending'],
      ['e-other-2', 'rejected'],
    ]);
    // The old server's complaint is gone from the queues; the unsynced one stays.
    expect((await store.db.complaints.find().exec()).map((c) => c.id)).toEqual(['mine']);
    // The old server's feed position would skip the new server's events.
    expect(await store.userMeta.get(BOOTSTRAP_KEY)).toBeNull();

    // The new server's copy of an event removed here is taken again, as its feed or a bootstrap brings it.
    const { error } = await store.db.events.bulkInsert([{ ...pulled, seq: 3 }]);
    expect(error).toEqual([]);
    await store.projector.idle();
    expect((await store.db.complaints.find().exec()).map((c) => c.id).sort()).toEqual(['mine', 'other']);

    // Back at a server it once had: a new epoch, so that server's old checkpoint is not resumed.
    expect(await ensureReplicaServer({ ...o, serverUrl: CENTRAL })).toEqual({ epoch: 2, reset: true });
  });
});
