import { BehaviorSubject, filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE } from '../sync-state';
import { closedAfterEach, openLocalStore, storedEventDoc, testUsers } from '../test-support';
import type { DataStore } from '../store';
import type { OutboxRow, SyncState } from '../types/sync';
import { outbox$ } from './outbox';

const stores = closedAfterEach();
const T0 = Date.parse('2026-11-23T02:00:00Z');

/** The supervisor's store with the sync state under the test's hand (the hub's answer about central). */
async function open(): Promise<{ store: DataStore; sync: BehaviorSubject<SyncState> }> {
  const base = await openLocalStore(testUsers.supervisor);
  stores.push(base);
  const sync = new BehaviorSubject<SyncState>(INITIAL_SYNC_STATE);
  return { store: { ...base, sync: { ...base.sync, state$: sync.asObservable() } }, sync };
}

const states = (rows: OutboxRow[]) => rows.map((r) => [r.event.id, r.sync]);

describe('outbox$', () => {
  it("moves the user's own events from saved here to saved at the hub to confirmed by central", async () => {
    const { store, sync } = await open();
    await store.db.events.bulkInsert([
      { ...storedEventDoc({ i: 0, type: 'complaint.created', complaintId: 'c1', wallMs: T0 }), status: 'accepted', seq: 5 },
      { ...storedEventDoc({ i: 1, type: 'note.added', complaintId: 'c1', wallMs: T0 + 1000 }), status: 'accepted', seq: 9 },
      { ...storedEventDoc({ i: 2, type: 'note.added', complaintId: 'c1', wallMs: T0 + 2000 }), status: 'pending' },
      // Someone else's event is not this user's outbox.
      { ...storedEventDoc({ i: 3, type: 'note.added', complaintId: 'c1', wallMs: T0 + 3000 }), actorId: testUsers.lead.id, status: 'accepted', seq: 10 },
    ]);
    const rows = (pred: (r: OutboxRow[]) => boolean) => firstValueFrom(outbox$(store).pipe(filter(pred)));

    // Not behind a hub: acknowledged events are final and leave the outbox.
    expect(states(await rows((r) => r.length > 0))).toEqual([['e-c1-2', 'pending']]);

    sync.next({ ...INITIAL_SYNC_STATE, upstream: { connected: false, lastSyncAt: null, pendingUp: 2, confirmedThrough: 5 } });
    expect(states(await rows((r) => r.length > 1))).toEqual([
      ['e-c1-2', 'pending'],
      ['e-c1-1', 'at_hub'],
      ['e-c1-0', 'central'],
    ]);

    sync.next({ ...INITIAL_SYNC_STATE, upstream: { connected: true, lastSyncAt: null, pendingUp: 0, confirmedThrough: 9 } });
    expect(states(await rows((r) => r.some((x) => x.event.id === 'e-c1-1' && x.sync === 'central')))).toEqual([
      ['e-c1-2', 'pending'],
      ['e-c1-1', 'central'],
      ['e-c1-0', 'central'],
    ]);
  });
});
