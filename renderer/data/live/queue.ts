import { combineLatest, map, of, switchMap, timer, type Observable } from 'rxjs';
import type { DataStore } from '../store';
import type { QueueFilter, QueueResult } from '../types/queue';
import { queueSelector, queueSort } from './queue-selector';
import { mergePages, queuePlan } from './queue-plan';
import { projectionOf } from './projection-of';
import { afterCursor } from './queue-keyset';

const DEFAULT_LIMIT = 50;
/** Text filters narrow to at most this many matches before paging. */
const TEXT_MATCH_LIMIT = 2000;

/**
 * A live page of complaints plus the count of all matches. The query runs
 * as disjoint parts (queue-plan.ts), each answered by an index in order.
 * With `after` (keyset paging, queue-keyset.ts) a page reads about `limit`
 * rows per part wherever it is in the queue; with `skip` it reads skip +
 * limit. Counts read no documents.
 */
export function queue$(store: DataStore, filter: QueueFilter): Observable<QueueResult> {
  const clock$ = filter.overdue !== undefined || filter.dueToday ? timer(0, 60_000) : of(0);
  const ids$: Observable<string[] | undefined> = filter.text
    ? store.search.changed$.pipe(switchMap(() => store.search.search(filter.text ?? '', TEXT_MATCH_LIMIT)))
    : of(undefined);
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const skip = filter.skip ?? 0;
  const sort = queueSort(filter);
  const key = filter.sort === 'updated' ? 'recency' : 'nextDue';
  return combineLatest([store.session.state$, store.reference$, clock$, ids$]).pipe(
    switchMap(([session, reference, , ids]) => {
      const selector = queueSelector({ filter, user: session.user, reference, nowMs: store.now(), ids });
      const plan = queuePlan(selector);
      const single = plan.pages.length === 1;
      const after = filter.after;
      const items$ = after
        ? combineLatest(
            plan.pages.flatMap((part) => {
              const { same, later } = afterCursor(part, key, after);
              return [same, later].flatMap((s) => (s ? [store.db.complaints.find({ selector: s, sort, limit }).$] : []));
            }),
          ).pipe(map((pages) => mergePages(pages, key, 0, limit)))
        : combineLatest(
            plan.pages.map(
              (part) =>
                store.db.complaints.find({ selector: part, sort, limit: single ? limit : skip + limit, skip: single ? skip : 0 }).$,
            ),
          ).pipe(map((pages) => (single ? pages[0]! : mergePages(pages, key, skip, limit))));
      const count$ = combineLatest(plan.counts.map((part) => store.db.complaints.count({ selector: part }).$)).pipe(
        map((counts) => counts.reduce((a, b) => a + b, 0)),
      );
      return combineLatest([items$, count$]).pipe(
        map(([docs, count]): QueueResult => {
          const tail = docs.at(-1);
          return { items: docs.map(projectionOf), count, loading: false, last: tail ? { key: tail[key], id: tail.id } : null };
        }),
      );
    }),
  );
}
