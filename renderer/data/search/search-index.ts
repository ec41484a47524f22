import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { ComplaintsCollection } from '../db';
import type { ComplaintDoc } from '../schema/complaints-schema';
import { haystackOf, isSearchable, queryKey } from './haystack';
import { storedComplaints } from './stored-complaints';

/**
 * An in-memory substring index over every local complaint. A linear scan of
 * 50,000 short strings with String.includes takes a few milliseconds, which
 * beats an n-gram index on memory and on being obviously right; Dexie cannot
 * index a multi-entry token array through RxDB anyway.
 */
export interface SearchIndex {
  /** Ids of matching complaints, most recently updated first. */
  search(text: string, limit: number): Promise<string[]>;
  /** Emits whenever the indexed content changes. */
  changed$: Observable<number>;
  size(): number;
  stop(): void;
}

/** Documents read per step of the first build: bounds the memory the read needs at once. */
export const BUILD_BATCH = 1000;

interface Entry {
  hay: string;
  updatedAt: string;
}

export function createSearchIndex(collection: ComplaintsCollection): SearchIndex {
  const entries = new Map<string, Entry>();
  const changed = new BehaviorSubject(0);
  let built: Promise<void> | null = null;
  let sub: Subscription | null = null;

  const put = (doc: ComplaintDoc) => entries.set(doc.id, { hay: haystackOf(doc.p), updatedAt: doc.updatedAt });

  function build(): Promise<void> {
    built ??= (async () => {
      // Follow changes first so nothing written while the first read runs is lost.
      sub = collection.eventBulks$.subscribe((bulk) => {
        for (const e of bulk.events) {
          if (e.operation === 'DELETE') entries.delete(e.documentId);
          else put(e.documentData as ComplaintDoc);
        }
        changed.next(changed.getValue() + 1);
      });
      // Straight from storage in batches: a find() of every document would stay in RxDB's query
      // and document caches as 50,000 whole documents, when the index needs a few fields of each.
      for await (const docs of storedComplaints(collection, BUILD_BATCH)) {
        for (const d of docs) if (!d._deleted && !entries.has(d.id)) put(d);
      }
      changed.next(changed.getValue() + 1);
    })();
    return built;
  }

  return {
    async search(text, limit) {
      if (!isSearchable(text)) return [];
      await build();
      const q = queryKey(text);
      const hits: [string, string][] = [];
      for (const [id, e] of entries) if (e.hay.includes(q)) hits.push([id, e.updatedAt]);
      hits.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
      return hits.slice(0, limit).map(([id]) => id);
    },
    changed$: changed.asObservable(),
    size: () => entries.size,
    stop() {
      sub?.unsubscribe();
    },
  };
}
