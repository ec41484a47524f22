import { combineLatest, map, switchMap, type Observable } from 'rxjs';
import { dismissals$, undismissed } from '../attention-dismissals';
import type { DataStore } from '../store';
import type { PendingEvent, RejectedEvent } from '../types/sync';
import type { EventDoc } from '../schema/events-schema';
import { plainEvent, toStoredEvent } from '../projection/event-conversion';

async function numbersOf(store: DataStore, events: EventDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.map((e) => e.complaintId))];
  const docs = await store.db.complaints.findByIds(ids).exec();
  const out = new Map<string, string>();
  for (const [id, d] of docs) if (d.number) out.set(id, d.number);
  // A complaint whose creation itself is pending or rejected has its number only in that event.
  for (const e of events) {
    const n = (e.payload as { number?: unknown }).number;
    if (e.type === 'complaint.created' && typeof n === 'string' && !out.has(e.complaintId)) out.set(e.complaintId, n);
  }
  return out;
}

function withNumbers<T>(store: DataStore, status: 'pending' | 'rejected', make: (e: EventDoc, n: string | null) => T) {
  return store.db.events.find({ selector: { status }, sort: [{ hlc: 'asc' }] }).$.pipe(
    map((docs) => docs.map((d) => plainEvent(d.toJSON() as EventDoc & Record<string, unknown>))),
    switchMap(async (events) => {
      const numbers = await numbersOf(store, events);
      return events.map((e) => make(e, numbers.get(e.complaintId) ?? null));
    }),
  );
}

/** Local events not yet acknowledged by the server, oldest first. */
export function pendingEvents$(store: DataStore): Observable<PendingEvent[]> {
  return withNumbers(store, 'pending', (e, n) => ({ event: toStoredEvent(e), complaintNumber: n }));
}

/** Events the server refused, with its reason, oldest first; those dismissed with a reason are left out. */
export function rejectedEvents$(store: DataStore): Observable<RejectedEvent[]> {
  const all$ = withNumbers(store, 'rejected', (e, n) => ({
    event: toStoredEvent(e),
    complaintNumber: n,
    reason: e.reason ?? { code: 'rejected', message: 'Refused by the server' },
  }));
  return combineLatest([all$, dismissals$(store)]).pipe(map(([all, dismissed]) => undismissed(all, dismissed)));
}
