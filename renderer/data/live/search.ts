import { switchMap, type Observable, of } from 'rxjs';
import type { DataStore } from '../store';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { isSearchable } from '../search/haystack';
import { projectionOf } from './projection-of';

/** Live search results, most recently updated first. */
export function search$(store: DataStore, text: string, limit: number): Observable<ComplaintProjection[]> {
  if (!isSearchable(text)) return of([]);
  return store.search.changed$.pipe(
    switchMap(async () => {
      const ids = await store.search.search(text, limit);
      const docs = await store.db.complaints.findByIds(ids).exec();
      return ids.flatMap((id) => {
        const d = docs.get(id);
        return d ? [projectionOf(d)] : [];
      });
    }),
  );
}
