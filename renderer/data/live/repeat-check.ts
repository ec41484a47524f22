import { combineLatest, map, Observable, of, startWith, switchMap, timer } from 'rxjs';
import type { Category } from '../../../shared/events/fields';
import { matchablePhone } from '../../../shared/rules/repeat-complaint';
import type { DataStore } from '../store';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { PriorComplaint } from '../types/prior-complaint';
import { projectionOf } from './projection-of';

const DAY_MS = 86_400_000;
/** The server is asked once typing pauses this long. */
export const REPEAT_CHECK_DEBOUNCE_MS = 400;

function fromProjection(p: ComplaintProjection): PriorComplaint {
  return {
    id: p.id,
    number: p.number,
    status: p.status,
    category: p.category,
    branchId: p.branchId,
    receivedAt: p.receivedAt ?? p.createdAt,
    source: 'local',
  };
}

function fromServer(raw: unknown): PriorComplaint | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.branchId !== 'string' || typeof r.status !== 'string') return null;
  return {
    id: r.id,
    number: typeof r.number === 'string' ? r.number : null,
    status: r.status,
    category: typeof r.category === 'string' ? r.category : null,
    branchId: r.branchId,
    receivedAt: typeof r.receivedAt === 'string' ? r.receivedAt : null,
    source: 'server',
  };
}

/** Local and server results together, one entry per complaint (the local copy wins), newest first. */
export function mergePriors(local: readonly PriorComplaint[], server: readonly PriorComplaint[]): PriorComplaint[] {
  const byId = new Map<string, PriorComplaint>();
  for (const p of server) byId.set(p.id, p);
  for (const p of local) byId.set(p.id, p);
  const at = (p: PriorComplaint) => (p.receivedAt ? Date.parse(p.receivedAt) : 0) || 0;
  return [...byId.values()].sort((a, b) => at(b) - at(a) || (a.id < b.id ? -1 : 1));
}

/**
 * The server's answer (POST /api/complaints/repeat-check), or nothing when
 * offline, signed out, or on any error: the local answer stands alone then.
 */
function serverPriors$(store: DataStore, phone: string, category: Category): Observable<PriorComplaint[]> {
  return new Observable<PriorComplaint[]>((subscriber) => {
    if (!store.sync.current().online || !store.session.token()) {
      subscriber.next([]);
      subscriber.complete();
      return undefined;
    }
    const abort = new AbortController();
    store.api
      .json<{ items?: unknown }>('POST', '/api/complaints/repeat-check', { phone, category }, { signal: abort.signal })
      .then((answer) => {
        const items = Array.isArray(answer?.items) ? answer.items : [];
        subscriber.next(items.map(fromServer).filter((p): p is PriorComplaint => p !== null));
      })
      .catch(() => subscriber.next([]))
      .finally(() => subscriber.complete());
    return () => abort.abort();
  });
}

/**
 * Earlier complaints with the same phone and category inside the policy's
 * repeat window, newest first: the local store at once (offline too), merged
 * with the server's view (which reaches complaints not yet pulled here) once
 * typing pauses, when online.
 */
export function repeatCheck$(
  store: DataStore,
  phone: string,
  category: Category,
  debounceMs: number = REPEAT_CHECK_DEBOUNCE_MS,
): Observable<PriorComplaint[]> {
  const digits = matchablePhone(phone);
  if (digits === null) return of([]);
  const local$ = store.reference$.pipe(
    switchMap((ref) => {
      const since = new Date(store.now() - ref.policy.repeatComplaint.windowDays * DAY_MS).toISOString();
      return store.db.complaints.find({
        selector: { phoneDigits: store.phoneKey.of(digits), createdAt: { $gte: since }, category },
        sort: [{ createdAt: 'desc' }],
        limit: 20,
      }).$;
    }),
    map((docs) => docs.map((d) => fromProjection(projectionOf(d)))),
  );
  const server$ = timer(debounceMs).pipe(
    switchMap(() => serverPriors$(store, phone, category)),
    startWith([] as PriorComplaint[]),
  );
  return combineLatest([local$, server$]).pipe(map(([local, server]) => mergePriors(local, server)));
}
