import { Observable, shareReplay } from 'rxjs';
import type { RxDocument } from 'rxdb';
import { useDataStore } from '../data/context';
import type { ComplaintDoc } from '../data/schema/complaints-schema';
import type { DataStore } from '../data/store';
import { attentionOf, type AttentionEntry } from '../app/supervisor-attention';
import { useObservable } from './use-observable';

export interface SupervisorAttention {
  /** Every local complaint that needs a supervisor, by id. */
  entries: ReadonlyMap<string, AttentionEntry>;
  /** True until the first full read of the local store has finished. */
  loading: boolean;
}

const LOADING: SupervisorAttention = { entries: new Map(), loading: true };
/** Documents read per step of the first scan, so 50,000 complaints never sit in memory at once. */
const PAGE = 1000;

/*
 * Why a scan and not an indexed query: "has a pending refund" and "has a
 * superseded event" live inside the projection (refunds[], timeline[]), and
 * the local complaints schema indexes neither, so any query for them reads
 * every document anyway. The scan is done once per open store, page by page
 * in primary-key order, and then kept exact by applying each written document
 * from the collection's change stream; only the small entries of complaints
 * that need a supervisor are kept. The result is shared by every screen and
 * stays live while the store is open, so reopening the screen costs nothing.
 */
const streams = new WeakMap<DataStore, Observable<SupervisorAttention>>();

/** The shared live stream behind the hook (exported for tests). */
export function supervisorAttention$(store: DataStore): Observable<SupervisorAttention> {
  const existing = streams.get(store);
  if (existing) return existing;
  const collection = store.db.complaints;
  const stream = new Observable<SupervisorAttention>((subscriber) => {
    const entries = new Map<string, AttentionEntry>();
    // Ids written while the scan runs: the change stream's copy is newer than the scan's.
    const changedDuringScan = new Set<string>();
    let scanning = true;
    const apply = (id: string, doc: ComplaintDoc | null) => {
      const entry = doc ? attentionOf(doc.p) : null;
      if (entry) entries.set(id, entry);
      else entries.delete(id);
    };
    const emit = () => subscriber.next({ entries: new Map(entries), loading: false });

    // Follow changes before the first read so nothing written meanwhile is lost.
    const sub = collection.eventBulks$.subscribe((bulk) => {
      for (const e of bulk.events) {
        if (scanning) changedDuringScan.add(e.documentId);
        apply(e.documentId, e.operation === 'DELETE' ? null : (e.documentData as ComplaintDoc));
      }
      if (!scanning) emit();
    });

    void (async () => {
      let after: string | null = null;
      for (;;) {
        const docs: RxDocument<ComplaintDoc>[] = await collection
          .find({ selector: after === null ? {} : { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: PAGE })
          .exec();
        for (const d of docs) {
          if (!changedDuringScan.has(d.id)) apply(d.id, d.toJSON(true) as unknown as ComplaintDoc);
        }
        if (docs.length < PAGE) break;
        after = docs[docs.length - 1]!.id;
      }
      scanning = false;
      changedDuringScan.clear();
      emit();
    })().catch((err: unknown) => subscriber.error(err));

    return () => sub.unsubscribe();
  }).pipe(shareReplay({ bufferSize: 1, refCount: false }));
  streams.set(store, stream);
  return stream;
}

/**
 * Escalated complaints, refunds awaiting approval and superseded concurrent
 * edits among all local complaints, however many there are.
 */
export function useSupervisorAttention(): SupervisorAttention {
  const store = useDataStore();
  return useObservable(() => (store ? supervisorAttention$(store) : null), LOADING, [store]);
}
