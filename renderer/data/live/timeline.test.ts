import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { REJECT } from '../../../shared/protocol/reasons';
import { closedAfterEach, openLocalStore, storedEventDoc, testUsers } from '../test-support';
import { timeline$ } from './timeline';

const stores = closedAfterEach();
const T0 = Date.parse('2026-11-23T02:00:00Z');

describe('timeline$', () => {
  it('shows an event the hub refused and central accepted after all as confirmed by central, a refusal as refused', async () => {
    const store = await openLocalStore(testUsers.supervisor);
    stores.push(store);
    const moved = REJECT.acceptedThenMoved();
    await store.db.events.bulkInsert([
      { ...storedEventDoc({ i: 1, type: 'note.added', complaintId: 'c1', wallMs: T0 }), status: 'rejected', reason: { code: moved.code, message: moved.message } },
      { ...storedEventDoc({ i: 2, type: 'note.added', complaintId: 'c1', wallMs: T0 + 1000 }), status: 'rejected', reason: { code: 'out_of_scope', message: 'not your branch' } },
    ]);
    const rows = await firstValueFrom(timeline$(store, 'c1').pipe(filter((r) => r.length === 2)));
    expect(rows.map((r) => [r.eventId, r.state, r.sync, r.reason?.code ?? null])).toEqual([
      ['e-c1-1', 'applied', 'central', null],
      ['e-c1-2', 'invalid', 'rejected', 'out_of_scope'],
    ]);
  });
});
