import { BehaviorSubject, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { ComplaintsCollection } from '../db';
import type { LocalMeta } from '../local-meta';
import type { ComplaintDoc } from '../schema/complaints-schema';
import type { SearchBucketDoc } from '../schema/search-schema';
import { plainCodec, type SearchCodec } from './search-codec';
import { storedComplaints, storedDocs } from './stored-complaints';
import { bucketOf, BUCKETS, bucketId } from './buckets';
import { serialJobs } from '../serial-jobs';

/**
 * The search index over every local complaint, persisted with the replica
 * (the searchIndex collection, see search-schema.ts) and kept current by the
 * projector, which hands it every complaint it writes or removes. Opening
 * reads the persisted buckets; it is rebuilt from the complaints only when
 * missing or made by another codec version, with progress. A search is a
 * linear scan of short entries in memory: at 100,000 complaints a few tens
 * of milliseconds, no n-gram postings to keep consistent, and obviously
 * right.
 */
export interface SearchIndex {
  /** What the entries hold and how a query matches them (plain, or keyed where the replica is encrypted). */
  readonly codec: SearchCodec;
  /** Ids of matching complaints, most recently updated first (then by id). */
  search(text: string, limit: number): Promise<string[]>;
  /** Emits whenever the indexed content changes. */
  changed$: Observable<number>;
  /** A rebuild's progress (complaints read of the total); null when none runs. */
  building$: Observable<{ done: number; total: number } | null>;
  /** The projector's writes: complaints upserted and ids removed; resolves once persisted. */
  apply(upserts: readonly IndexedComplaint[], removed: readonly string[]): Promise<void>;
  /** Resolves when loaded (or rebuilt) and every apply so far is persisted. */
  idle(): Promise<void>;
  /**
   * Holds the writes of a bulk load (a first sync): applies change only the
   * memory until `release`, which writes every bucket touched meanwhile once.
   * While held the stored index is marked incomplete, so a crash meanwhile
   * rebuilds it from the complaints at the next opening.
   */
  hold(): Promise<void>;
  release(): Promise<void>;
  size(): number;
  stop(): void;
}

export type IndexedComplaint = Pick<ComplaintDoc, 'id' | 'updatedAt' | 'p'>;
export type SearchCollection = RxCollection<SearchBucketDoc>;

/** Complaints read per step of a rebuild: bounds the memory the read needs at once. */
export const BUILD_BATCH = 1000;
/** Marks a complete persisted index and the codec version it was made with. */
export const INDEX_VERSION_KEY = 'search.version';

interface Entry {
  updatedAt: string;
  entry: string;
}

export interface SearchIndexOptions {
  buckets: SearchCollection;
  complaints: ComplaintsCollection;
  meta: LocalMeta;
  codec?: SearchCodec;
}

export function createSearchIndex({ buckets, complaints, meta, codec = plainCodec }: SearchIndexOptions): SearchIndex {
  const memory: Map<string, Entry>[] = Array.from({ length: BUCKETS }, () => new Map());
  const changed = new BehaviorSubject(0);
  const building = new BehaviorSubject<{ done: number; total: number } | null>(null);
  let stopped = false;
  const jobs = serialJobs('search index update', () => stopped);
  const enqueue = jobs.enqueue;
  const bump = () => changed.next(changed.getValue() + 1);
  /** Buckets changed while writes are held (see hold); null when not held. */
  let held: Set<number> | null = null;

  const put = (c: IndexedComplaint) => memory[bucketOf(c.id)]!.set(c.id, { updatedAt: c.updatedAt, entry: codec.entryOf(c.p) });

  function bucketDoc(b: number): SearchBucketDoc {
    const e: string[] = [];
    for (const [id, x] of memory[b]!) e.push(id, x.updatedAt, x.entry);
    return { id: bucketId(b), v: codec.version, e };
  }

  async function persist(touched: Iterable<number>): Promise<void> {
    const docs = [...new Set(touched)].map(bucketDoc);
    if (docs.length === 0) return;
    const { error } = await buckets.bulkUpsert(docs);
    if (error.length) throw new Error(`search index: ${error.length} buckets not written`);
  }

  /** Reads the persisted buckets; false when they are incomplete or of another version. */
  async function load(): Promise<boolean> {
    if ((await meta.get<number>(INDEX_VERSION_KEY)) !== codec.version) return false;
    for await (const docs of storedDocs(buckets, 64)) {
      for (const d of docs) {
        if (d._deleted) continue;
        if (d.v !== codec.version) return false;
        const m = memory[Number.parseInt(d.id.slice(1), 16)];
        if (!m) return false;
        for (let i = 0; i + 2 < d.e.length; i += 3) m.set(d.e[i]!, { updatedAt: d.e[i + 1]!, entry: d.e[i + 2]! });
      }
    }
    return true;
  }

  /** Builds the index from every stored complaint and persists it, reporting progress. */
  async function rebuild(): Promise<void> {
    await meta.remove(INDEX_VERSION_KEY);
    memory.forEach((m) => m.clear());
    const total = await complaints.count().exec();
    let done = 0;
    building.next({ done, total });
    for await (const docs of storedComplaints(complaints, BUILD_BATCH)) {
      for (const d of docs) if (!d._deleted) put(d);
      done += docs.length;
      building.next({ done: Math.min(done, total), total });
    }
    // Every bucket overwritten, empty ones too: a removed document would keep its old entries
    // (a clear index's names and phones) in the storage as a tombstone.
    await persist(memory.map((_m, b) => b));
    await meta.set(INDEX_VERSION_KEY, codec.version);
    building.next(null);
  }

  // Opening starts the load at once, so the first search usually finds it done.
  const loaded = enqueue(async () => {
    if (!(await load())) await rebuild();
    bump();
  }).catch(() => undefined);

  return {
    codec,
    async search(text, limit) {
      const match = codec.matcherOf(text);
      if (!match) return [];
      // Not the whole queue: a search need not wait for the projector's latest write to be stored.
      await loaded;
      const hits: [string, string][] = [];
      for (const m of memory) for (const [id, x] of m) if (match(x.entry)) hits.push([id, x.updatedAt]);
      hits.sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return hits.slice(0, limit).map(([id]) => id);
    },
    changed$: changed.asObservable(),
    building$: building.asObservable(),
    apply(upserts, removed) {
      if (upserts.length === 0 && removed.length === 0) return Promise.resolve();
      return enqueue(async () => {
        const touched: number[] = [];
        for (const c of upserts) {
          put(c);
          touched.push(bucketOf(c.id));
        }
        for (const id of removed) {
          const b = bucketOf(id);
          if (memory[b]!.delete(id)) touched.push(b);
        }
        if (held) for (const b of touched) held.add(b);
        else await persist(touched);
        bump();
      });
    },
    hold: () =>
      enqueue(async () => {
        if (held) return;
        // Without a bulk load's writes the bucket rewrites grow with the index: a first sync of
        // 100,000 complaints in pages of 1,000 would rewrite the whole index about 100 times.
        await meta.remove(INDEX_VERSION_KEY);
        held = new Set();
      }),
    release: () =>
      enqueue(async () => {
        if (!held) return;
        const touched = held;
        await persist(touched);
        held = null;
        await meta.set(INDEX_VERSION_KEY, codec.version);
      }),
    idle: jobs.idle,
    size: () => memory.reduce((n, m) => n + m.size, 0),
    stop() {
      stopped = true;
    },
  };
}
