import { combineLatest, distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import { dismissals$, dismissalsInNotes, undismissed } from '../attention-dismissals';
import { projectionOf } from './projection-of';
import type { DataStore } from '../store';
import type { OutboxRow, PendingEvent, RejectedEvent } from '../types/sync';
import type { EventDoc } from '../schema/events-schema';
import { plainEvent, toStoredEvent } from '../projection/event-conversion';
import { outboxRows } from './outbox-rows';

/** Behind a hub, how many of the user's latest own events the outbox looks at for their state upstream. */
export const OWN_RECENT = 200;

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

function withNumbers<T>(
  store: DataStore,
  status: 'pending' | 'rejected',
  make: (e: EventDoc, n: string | null) => T,
) {
  return numbered(store, store.db.events.find({ selector: { status }, sort: [{ hlc: 'asc' }] }).$, make);
}

function numbered<T>(store: DataStore, docs$: Observable<{ toJSON(): unknown }[]>, make: (e: EventDoc, n: string | null) => T) {
  return docs$.pipe(
    map((docs) => docs.map((d) => plainEvent(d.toJSON() as EventDoc & Record<string, unknown>))),
    switchMap(async (events) => {
      const numbers = await numbersOf(store, events);
      return events.map((e) => make(e, numbers.get(e.complaintId) ?? null));
    }),
  );
}

/**
 * The outbox: what the server has not acknowledged, and, behind a branch hub,
 * the user's own events the hub holds with whether central has confirmed each.
 */
export function outbox$(store: DataStore): Observable<OutboxRow[]> {
  const upstream$ = store.sync.state$.pipe(
    map((s) => s.upstream),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
  // Only behind a hub: without one, an acknowledged event is final and leaves the outbox.
  const own$ = upstream$.pipe(
    map((u) => u !== null),
    distinctUntilChanged(),
    switchMap((behindHub) =>
      behindHub
        ? numbered(
            store,
            store.db.events.find({ selector: { status: 'accepted', actorId: store.user.id }, sort: [{ hlc: 'desc' }], limit: OWN_RECENT }).$,
            (e, n) => ({ event: toStoredEvent(e), complaintNumber: n }),
          )
        : of([]),
    ),
  );
  return combineLatest([pendingEvents$(store), own$, upstream$]).pipe(map(([pending, own, upstream]) => outboxRows(pending, own, upstream)));
}

/** Local events not yet acknowledged by the server, oldest first. */
export function pendingEvents$(store: DataStore): Observable<PendingEvent[]> {
  return withNumbers(store, 'pending', (e, n) => ({ event: toStoredEvent(e), complaintNumber: n }));
}

/** Events the server refused, with its reason, oldest first; those dismissed with a reason, here or on another workstation, are left out. */
export function rejectedEvents$(store: DataStore): Observable<RejectedEvent[]> {
  const all$ = withNumbers(store, 'rejected', (e, n) => ({
    event: toStoredEvent(e),
    complaintNumber: n,
    reason: e.reason ?? { code: 'rejected', message: 'Refused by the server' },
  }));
  return combineLatest([all$, dismissals$(store)]).pipe(
    switchMap(([all, dismissedHere]) => {
      const ids = [...new Set(all.map((r) => r.event.complaintId))];
      if (ids.length === 0) return of(all);
      // A dismissal made on another workstation arrives as a note on the complaint, not as a change to the refused event.
      return store.db.complaints.findByIds(ids).$.pipe(
        map((docs) => {
          const inNotes = dismissalsInNotes([...docs.values()].map((d) => projectionOf(d)), store.user.id);
          return undismissed(all, { ...inNotes, ...dismissedHere });
        }),
      );
    }),
  );
}
