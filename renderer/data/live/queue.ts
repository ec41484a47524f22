import { combineLatest, map, of, switchMap, timer, type Observable } from 'rxjs';
import type { DataStore } from '../store';
import type { QueueFilter, QueueResult } from '../types';
import { queueSelector, queueSort } from './queue-selector';
import { projectionOf } from './strip';

const DEFAULT_LIMIT = 50;
/** Text filters narrow to at most this many matches before paging. */
const TEXT_MATCH_LIMIT = 2000;

/** A live page of complaints plus the count of all matches. */
export function queue$(store: DataStore, filter: QueueFilter): Observable<QueueResult> {
  const clock$ = filter.overdue !== undefined || filter.dueToday ? timer(0, 60_000) : of(0);
  const ids$: Observable<string[] | undefined> = filter.text
    ? store.search.changed$.pipe(switchMap(() => store.search.search(filter.text ?? '', TEXT_MATCH_LIMIT)))
    : of(undefined);
  return combineLatest([store.session.state$, store.reference$, clock$, ids$]).pipe(
    switchMap(([session, reference, , ids]) => {
      const selector = queueSelector({ filter, user: session.user, reference, nowMs: store.now(), ids });
      const items$ = store.db.complaints.find({
        selector,
        sort: queueSort(filter),
        limit: filter.limit ?? DEFAULT_LIMIT,
        skip: filter.skip ?? 0,
      }).$;
      const count$ = store.db.complaints.count({ selector }).$;
      return combineLatest([items$, count$]).pipe(
        map(([docs, count]): QueueResult => ({ items: docs.map(projectionOf), count, loading: false })),
      );
    }),
  );
}
