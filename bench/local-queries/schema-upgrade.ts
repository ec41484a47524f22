import { createRxDatabase, type MigrationStrategies, type RxCollection, type RxStorage } from 'rxdb';
import { openDatabase } from '../../renderer/data/db';
import { complaintsSchema, type ComplaintDoc } from '../../renderer/data/schema/complaints-schema';
import { eventsSchema } from '../../renderer/data/schema/events-schema';
import { migrationStrategies } from '../../renderer/data/schema/migrations';
import { storedDocs } from '../../renderer/data/search/stored-complaints';
import { migrateCollections, UPGRADE_BATCH } from '../../renderer/data/schema/migrate-collections';

export interface Progress {
  handled: number;
  total: number;
}

export interface UpgradeReport {
  /** The whole migration through the app's own path (migrateCollections, `batch` documents a step), to the end or for at most `budgetMs`. */
  batch: number;
  ms: number;
  /** False when the budget ran out first (then `after` is null and nothing was compared). */
  finished: boolean;
  before: { complaints: number; events: number; complaintsHash: string; eventsHash: string };
  after: { complaints: number; events: number; complaintsHash: string; eventsHash: string } | null;
  /** Progress updates the app's path reported while migrating (what the window shows), and the last one. */
  progressUpdates: number;
  lastProgress: Progress | null;
  /** For comparison: RxDB's migration inside addCollections (its batch of 10, the app's path before), timed for at most `windowMs`. */
  rxdbDefault: { batch: number; windowMs: number; elapsedMs: number; handled: number; total: number; done: boolean };
}

/** FNV-1a over every stored document's identifying fields, in primary-key order. */
async function fingerprint<T extends { id: string }>(collection: RxCollection<T>, key: (d: T) => string): Promise<{ n: number; hash: string }> {
  let h = 0x811c9dc5;
  let n = 0;
  for await (const docs of storedDocs(collection, 2000)) {
    for (const d of docs) {
      if (d._deleted) continue;
      n++;
      const s = key(d);
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    }
  }
  return { n, hash: (h >>> 0).toString(16) };
}

const complaintKey = (d: ComplaintDoc) => `${d.id}|${d.number}|${d.status}|${d.nextDue}|${d.lastHlc}|${d.updatedAt}|${d.p.complainant?.phone ?? ''}|${d.p.description ?? ''};`;
const eventKey = (d: { id: string; hlc: string; status: string; seq?: number }) => `${d.id}|${d.hlc}|${d.status}|${d.seq ?? ''};`;

async function measure(name: string, storage: RxStorage<unknown, unknown>) {
  const db = await openDatabase({ name, storage });
  const c = await fingerprint(db.complaints, complaintKey);
  const e = await fingerprint(db.events, eventKey);
  await db.close();
  return { complaints: c.n, events: e.n, complaintsHash: c.hash, eventsHash: e.hash };
}


/** Opens the replica with the complaints schema `up` versions above the app's, each step the app's newest strategy. */
async function openUpgraded(name: string, storage: RxStorage<unknown, unknown>, up: number) {
  const strategies: MigrationStrategies = { ...migrationStrategies.complaints };
  const newest = Math.max(...Object.keys(strategies).map(Number));
  for (let v = complaintsSchema.version + 1; v <= complaintsSchema.version + up; v++) strategies[v] = strategies[newest]!;
  const db = await createRxDatabase({ name, storage, multiInstance: false, eventReduce: true });
  await db.addCollections({
    events: { schema: eventsSchema },
    complaints: { schema: { ...complaintsSchema, version: complaintsSchema.version + up }, migrationStrategies: strategies, autoMigrate: false },
  });
  const complaints = db.complaints as RxCollection<ComplaintDoc>;
  return { db, complaints, state: complaints.getMigrationState() };
}

/** RxDB's batch when a collection migrates inside addCollections (RxCollection.migratePromise's default). */
const RXDB_DEFAULT_BATCH = 10;

/**
 * A local schema upgrade at scale. First the whole replica is migrated with
 * the complaints schema one version up, each document recomputed from the
 * projection it holds by the app's newest strategy (as every upgrade of the
 * derived projection does), `batch` documents a step; counts and
 * fingerprints of complaints and events before and after show whether
 * anything was lost. This runs the app's own migration step
 * (renderer/data/schema/migrate-collections.ts, which openDatabase runs,
 * with its batch); only the schema bump that makes a migration needed is the
 * benchmark's. Then, for comparison, one more version up the way the app
 * migrated before (inside addCollections, RxDB's batch of 10), timed for at
 * most `windowMs` and cancelled there:
 * at 100,000 complaints it runs far longer than a benchmark can wait. On a
 * slow machine the first migration has a time budget too: when it runs out,
 * the progress reached is reported and nothing is compared.
 */
export async function upgradeSchema(name: string, storage: RxStorage<unknown, unknown>, windowMs: number, budgetMs: number): Promise<UpgradeReport> {
  const batch = UPGRADE_BATCH;
  const before = await measure(name, storage);
  const t = performance.now();
  const first = await openUpgraded(name, storage, 1);
  let progressUpdates = 0;
  let lastProgress: Progress | null = null;
  const migrating = migrateCollections(first.db, (p) => {
    progressUpdates++;
    lastProgress = { handled: p.handled, total: p.total };
  });
  const finished = await Promise.race([migrating.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), budgetMs))]);
  const ms = performance.now() - t;
  let after: UpgradeReport['after'] = null;
  if (finished) {
    const c = await fingerprint(first.complaints, complaintKey);
    const e = await fingerprint(first.db.events as unknown as RxCollection<{ id: string; hlc: string; status: string; seq?: number }>, eventKey);
    after = { complaints: c.n, events: e.n, complaintsHash: c.hash, eventsHash: e.hash };
  } else await first.state.cancel();
  await first.db.close();
  if (!finished) {
    return { batch, ms, finished, before, after, progressUpdates, lastProgress, rxdbDefault: { batch: RXDB_DEFAULT_BATCH, windowMs: 0, elapsedMs: 0, handled: 0, total: 0, done: false } };
  }

  const second = await openUpgraded(name, storage, 2);
  const t2 = performance.now();
  let last: Progress | null = null;
  const sub2 = second.state.$.subscribe((st) => (last = { handled: st.count.handled, total: st.count.total }));
  const done = await Promise.race([second.state.migratePromise(RXDB_DEFAULT_BATCH).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), windowMs))]);
  const elapsedMs = performance.now() - t2;
  sub2.unsubscribe();
  if (!done) await second.state.cancel();
  await second.db.close();
  const l = last as Progress | null;
  return {
    batch,
    ms,
    finished,
    before,
    after,
    progressUpdates,
    lastProgress,
    rxdbDefault: { batch: RXDB_DEFAULT_BATCH, windowMs, elapsedMs, handled: l?.handled ?? 0, total: l?.total ?? 0, done },
  };
}
