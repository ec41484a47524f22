import { combineLatest, map, of, switchMap, timer, type Observable } from 'rxjs';
import type { DataStore } from '../store';
import type { QueueFilter, QueuePageResult, QueueResult } from '../types/queue';
import { queueSelector, queueSort } from './queue-selector';
import { mergePages, queuePlan } from './queue-plan';
import { projectionOf } from './projection-of';
import { afterCursor } from './queue-keyset';

const DEFAULT_LIMIT = 50;
/** Text filters narrow to at most this many matches before paging. */
const TEXT_MATCH_LIMIT = 2000;

interface Planned {
  plan: ReturnType<typeof queuePlan>;
}

/** The filter's query parts, again whenever the session, the reference data, the clock or a text search's matches change. */
function planned$(store: DataStore, filter: QueueFilter): Observable<Planned> {
  const clock$ = filter.overdue !== undefined || filter.dueToday ? timer(0, 60_000) : of(0);
  const ids$: Observable<string[] | undefined> = filter.text
    ? store.search.changed$.pipe(switchMap(() => store.search.search(filter.text ?? '', TEXT_MATCH_LIMIT)))
    : of(undefined);
  return combineLatest([store.session.state$, store.reference$, clock$, ids$]).pipe(
    map(([session, reference, , ids]) => ({
      plan: queuePlan(queueSelector({ filter, user: session.user, reference, nowMs: store.now(), ids })),
    })),
  );
}

/**
 * A live page of complaints, without the count. The query runs as disjoint
 * parts (queue-plan.ts), each answered by an index in order. With `after`
 * (keyset paging, queue-keyset.ts) a page reads about skip + `limit` rows
 * per part wherever it is in the queue (`skip` then counts from that row);
 * without it, skip + limit from the start.
 */
export function queuePage$(store: DataStore, filter: QueueFilter): Observable<QueuePageResult> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const skip = filter.skip ?? 0;
  const sort = queueSort(filter);
  const key = filter.sort === 'updated' ? 'recency' : 'nextDue';
  return planned$(store, filter).pipe(
    switchMap(({ plan }) => {
      const single = plan.pages.length === 1;
      const after = filter.after;
      const items$ = after
        ? combineLatest(
            plan.pages.flatMap((part) => {
              const { same, later } = afterCursor(part, key, after);
              return [same, later].flatMap((s) => (s ? [store.db.complaints.find({ selector: s, sort, limit: skip + limit }).$] : []));
            }),
          ).pipe(map((pages) => mergePages(pages, key, skip, limit)))
        : combineLatest(
            plan.pages.map(
              (part) =>
                store.db.complaints.find({ selector: part, sort, limit: single ? limit : skip + limit, skip: single ? skip : 0 }).$,
            ),
          ).pipe(map((pages) => (single ? pages[0]! : mergePages(pages, key, skip, limit))));
      return items$.pipe(
        map((docs): QueuePageResult => {
          const tail = docs.at(-1);
          return { items: docs.map(projectionOf), last: tail ? { key: tail[key], id: tail.id } : null };
        }),
      );
    }),
  );
}

/** The live count of every complaint the filter matches (paging ignored); counts read no documents. */
export function queueCount$(store: DataStore, filter: QueueFilter): Observable<number> {
  return planned$(store, filter).pipe(
    switchMap(({ plan }) =>
      combineLatest(plan.counts.map((part) => store.db.complaints.count({ selector: part }).$)).pipe(map((counts) => counts.reduce((a, b) => a + b, 0))),
    ),
  );
}

/** A live page of complaints plus the count of all matches (queuePage$ and queueCount$ together). */
export function queue$(store: DataStore, filter: QueueFilter): Observable<QueueResult> {
  return combineLatest([queuePage$(store, filter), queueCount$(store, filter)]).pipe(
    map(([page, count]): QueueResult => ({ items: page.items, count, loading: false, last: page.last })),
  );
}
