import { ACCEPTED_THEN_MOVED } from '../../../shared/protocol/reasons';
import { combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import { compareEvents } from '../../../shared/fold/order';
import type { DataStore } from '../store';
import type { TimelineRow } from '../types/sync';
import { eventSyncState } from './event-sync-state';

/**
 * The fold's timeline joined with each event's state on this workstation.
 * Rejected events are not folded, so they are added in their HLC place,
 * marked invalid with the server's reason; but one a branch hub refused and
 * central accepted after all (`accepted_then_moved`) is shown as confirmed by central.
 */
export function timeline$(store: DataStore, complaintId: string): Observable<TimelineRow[]> {
  const events$ = store.db.events.find({ selector: { complaintId }, sort: [{ hlc: 'asc' }] }).$;
  const complaint$ = store.db.complaints.findOne(complaintId).$;
  // Behind a branch hub: how far central has confirmed the hub's feed.
  const upstream$ = store.sync.state$.pipe(
    map((s) => s.upstream),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
  return combineLatest([events$, complaint$, upstream$]).pipe(
    map(([events, doc, upstream]) => {
      const byId = new Map(events.map((e) => [e.id, e]));
      const rows: TimelineRow[] = (doc?.p.timeline ?? []).map((entry) => {
        const e = byId.get(entry.eventId);
        const sync = e ? eventSyncState(e.status, e.seq, upstream) : eventSyncState('accepted', undefined, upstream);
        return { ...entry, sync, ...(e ? { payload: e.payload as Record<string, unknown> } : {}) };
      });
      const shown = new Set(rows.map((r) => r.eventId));
      for (const e of events) {
        if (shown.has(e.id) || e.status !== 'rejected') continue;
        const base = { eventId: e.id, type: e.type, hlc: e.hlc, actorId: e.actorId, occurredAt: e.occurredAt, payload: e.payload as Record<string, unknown> };
        if (e.reason?.code === ACCEPTED_THEN_MOVED) {
          // Not a refusal: central accepted it after the hub had refused it, and the complaint has left the branch since.
          rows.push({ ...base, state: 'applied', sync: 'central' });
          continue;
        }
        rows.push({
          ...base,
          state: 'invalid',
          why: e.reason?.message,
          sync: 'rejected',
          reason: e.reason ? { code: e.reason.code, message: e.reason.message } : undefined,
        });
      }
      return rows.sort((a, b) => compareEvents({ hlc: a.hlc, id: a.eventId }, { hlc: b.hlc, id: b.eventId }));
    }),
  );
}
