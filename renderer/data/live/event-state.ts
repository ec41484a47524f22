import { map, type Observable } from 'rxjs';
import type { RejectReason } from '../../../shared/events/envelope';
import type { DataStore } from '../store';
import type { EventSyncState } from '../types/sync';

export interface EventState {
  /** `missing` until the event is in the local log (or after a reset). */
  sync: EventSyncState | 'missing';
  type: string | null;
  reason?: RejectReason;
}

const SYNC = { pending: 'pending', accepted: 'synced', rejected: 'rejected' } as const;

/** One local event's state as the server's answers move it: saved here, confirmed, or refused with the reason. */
export function eventState$(store: DataStore, eventId: string): Observable<EventState> {
  return store.db.events.findOne(eventId).$.pipe(
    map((doc) =>
      doc
        ? {
            sync: SYNC[doc.status],
            type: doc.type,
            ...(doc.reason ? { reason: { code: doc.reason.code, message: doc.reason.message } } : {}),
          }
        : { sync: 'missing' as const, type: null },
    ),
  );
}
