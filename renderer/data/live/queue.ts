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

type Plan = ReturnType<typeof queuePlan>;

/** The filter's query parts, again whenever the session, the reference data, the clock or a text search's matches change. */
function plan$(store: DataStore, filter: QueueFilter): Observable<Plan> {
  const clock$ = filter.overdue !== undefined || filter.dueToday ? timer(0, 60_000) : of(0);
  const ids$: Observable<string[] | undefined> = filter.text
    ? store.search.changed$.pipe(switchMap(() => store.search.search(filter.text ?? '', TEXT_MATCH_LIMIT)))
    : of(undefined);
  return combineLatest([store.session.state$, store.reference$, clock$, ids$]).pipe(
    map(([session, reference, , ids]) => queuePlan(queueSelector({ filter, user: session.user, reference, nowMs: store.now(), ids }))),
  );
}

/**
 * The live page of one plan. The query runs as disjoint parts
 * (queue-plan.ts), each answered by an index in order. With `after` (keyset
 * paging, queue-keyset.ts) a page reads about skip + `limit` rows per part
 * wherever it is in the queue (`skip` then counts from that row); without
 * it, skip + limit from the start.
 */
function pageOf(store: DataStore, filter: QueueFilter, plan: Plan): Observable<QueuePageResult> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const skip = filter.skip ?? 0;
  const sort = queueSort(filter);
  const key = filter.sort === 'updated' ? 'recency' : 'nextDue';
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
          (part) => store.db.complaints.find({ selector: part, sort, limit: single ? limit : skip + limit, skip: single ? skip : 0 }).$,
        ),
      ).pipe(map((pages) => (single ? pages[0]! : mergePages(pages, key, skip, limit))));
  return items$.pipe(
    map((docs): QueuePageResult => {
      const tail = docs.at(-1);
      return { items: docs.map(projectionOf), last: tail ? { key: tail[key], id: tail.id } : null };
    }),
  );
}

/** The live count of one plan's complaints; counts read no documents. */
function countOf(store: DataStore, plan: Plan): Observable<number> {
  return combineLatest(plan.counts.map((part) => store.db.complaints.count({ selector: part }).$)).pipe(map((counts) => counts.reduce((a, b) => a + b, 0)));
}

/** A live page of complaints, without the count (pageOf). */
export function queuePage$(store: DataStore, filter: QueueFilter): Observable<QueuePageResult> {
  return plan$(store, filter).pipe(switchMap((plan) => pageOf(store, filter, plan)));
}

/** The live count of every complaint the filter matches (paging ignored). */
export function queueCount$(store: DataStore, filter: QueueFilter): Observable<number> {
  return plan$(store, filter).pipe(switchMap((plan) => countOf(store, plan)));
}

/** A live page of complaints plus the count of all matches, both of one plan (one text search a change, not two). */
export function queue$(store: DataStore, filter: QueueFilter): Observable<QueueResult> {
  return plan$(store, filter).pipe(
    switchMap((plan) =>
      combineLatest([pageOf(store, filter, plan), countOf(store, plan)]).pipe(
        map(([page, count]): QueueResult => ({ items: page.items, count, loading: false, last: page.last })),
      ),
    ),
  );
}
