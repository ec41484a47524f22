import { map, type Observable } from 'rxjs';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { DataStore } from '../store';
import { projectionOf } from './projection-of';

/** Every complaint folded on this workstation, live: the reports count all of them, not a page. */
export function allComplaints$(store: DataStore): Observable<{ complaints: ComplaintProjection[]; loading: boolean }> {
  return store.db.complaints.find().$.pipe(map((docs) => ({ complaints: docs.map(projectionOf), loading: false })));
}
