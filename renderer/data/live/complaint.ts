import { map, type Observable } from 'rxjs';
import type { DataStore } from '../store';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { projectionOf } from './projection-of';

export function complaint$(store: DataStore, id: string): Observable<{ complaint: ComplaintProjection | null; loading: boolean }> {
  return store.db.complaints.findOne(id).$.pipe(map((doc) => ({ complaint: doc ? projectionOf(doc) : null, loading: false })));
}
