import { map, type Observable } from 'rxjs';
import type { DataStore } from '../store';
import type { ComplaintProjection } from '../types';
import { projectionOf } from './strip';

export function complaint$(store: DataStore, id: string): Observable<{ complaint: ComplaintProjection | null; loading: boolean }> {
  return store.db.complaints.findOne(id).$.pipe(map((doc) => ({ complaint: doc ? projectionOf(doc) : null, loading: false })));
}
