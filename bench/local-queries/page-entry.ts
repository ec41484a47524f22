/**
 * The benchmark page: the renderer's own data layer (RxDB over Dexie, i.e.
 * IndexedDB) with its queue and search queries, driven from Playwright
 * through window.hdBench. No UI: it measures the data path the UI reads.
 */
import { firstValueFrom } from 'rxjs';
import { openWorkstationStore, type DataStore } from '../../renderer/data/store';
import { benchPlatform } from './bench-platform';
import { queue$, queuePage$ } from '../../renderer/data/live/queue';
import { search$ } from '../../renderer/data/live/search';
import { runBootstrap } from '../../renderer/data/sync/bootstrap';
import { userDatabaseName } from '../../renderer/data/user-database-name';
import type { QueueCursor, QueueFilter } from '../../renderer/data/types/queue';
import type { SessionUser } from '../../renderer/data/types/session';
import { demoBranches, generateDataset } from '../../test/fixtures/complaint-dataset';
import { datasetBootstrapApi } from './dataset-bootstrap-api';
import { upgradeSchema } from './schema-upgrade';
import { sealedStorage, storedDocOpener } from '../../renderer/data/crypto/sealed-storage';
import type { ComplaintDoc } from '../../renderer/data/schema/complaints-schema';
import type { RxStorage } from 'rxdb';

const DB_NAME = 'hd-bench';
const OPEN_STATUSES = ['registered', 'filed', 'callback_pending', 'in_progress'] as QueueFilter['status'];
let store: DataStore | null = null;

async function open(user: SessionUser): Promise<number> {
  const t = performance.now();
  const ws = await openWorkstationStore({ platform: benchPlatform(), databaseName: DB_NAME, breachWatcher: false });
  // A restart restores the last session locally, as the app does before any network.
  await ws.meta.set('session.current', { user, offline: true });
  await ws.session.restore();
  store = await ws.settled();
  return performance.now() - t;
}

function need(): DataStore {
  if (!store) throw new Error('store not open');
  return store;
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

const api = {
  open,
  /**
   * Fills the empty replica with a generated dataset through the
   * workstation's own first sync: bootstrap pages written in bulk, folded by
   * the projector, indexed by the search index as they arrive.
   */
  async seed(o: { complaints: number; seed: number; endMs: number }) {
    const s = need();
    const g = await timed(async () => generateDataset({ seed: o.seed, complaints: o.complaints, branches: demoBranches(), endMs: o.endMs, spanDays: 45 }));
    const data = g.value;
    const b = await timed(async () => {
      await runBootstrap({ api: datasetBootstrapApi(data), events: s.db.events, meta: s.userMeta, now: Date.now, settled: () => s.projector.idle(), index: s.search });
      await s.projector.idle();
      await s.search.idle();
    });
    return { genMs: g.ms, seedMs: b.ms, events: data.events.length, complaints: data.complaints.length };
  },
  count: async () => ({ complaints: await need().db.complaints.count().exec(), events: await need().db.events.count().exec() }),
  /**
   * A page of the queue screen: branch scope, open statuses, by nearest deadline, 50 rows, with
   * the total count. The statuses may come in another order: the same page asked as a new query.
   */
  async queuePage(skip: number, statuses: QueueFilter['status'] = OPEN_STATUSES) {
    const r = await timed(() => firstValueFrom(queue$(need(), { scope: 'branch', status: statuses, sort: 'deadline', limit: 50, skip })));
    return { ms: r.ms, rows: r.value.items.length, count: r.value.count };
  },
  /**
   * Scrolling the queue as the grid does: the first page, then each next page after the last row
   * of the one before (keyset). Returns each page's time and whether any row came twice.
   */
  async queueWalk(statuses: QueueFilter['status'], pages: number) {
    const base: QueueFilter = { scope: 'branch', status: statuses, sort: 'deadline', limit: 50 };
    const first = await timed(() => firstValueFrom(queue$(need(), base)));
    const seen = new Set(first.value.items.map((p) => p.id));
    let rows = first.value.items.length;
    let after: QueueCursor | null | undefined = first.value.last;
    const laterMs: number[] = [];
    for (let i = 0; i < pages && after; i++) {
      const cursor: QueueCursor = after;
      // As the grid reads them: a later page is one read, the grid counts once for all pages.
      const next = await timed(() => firstValueFrom(queuePage$(need(), { ...base, after: cursor })));
      laterMs.push(next.ms);
      rows += next.value.items.length;
      for (const p of next.value.items) seen.add(p.id);
      after = next.value.last;
    }
    return { firstMs: first.ms, laterMs, rows, distinct: seen.size, count: first.value.count };
  },
  async dueToday(grade: number | undefined) {
    const filter: QueueFilter = { scope: 'branch', dueToday: true, sort: 'deadline', limit: 50 };
    if (grade !== undefined) filter.grade = grade as 1 | 2 | 3 | 4;
    const r = await timed(() => firstValueFrom(queue$(need(), filter)));
    return { ms: r.ms, count: r.value.count };
  },
  async search(text: string) {
    const r = await timed(() => firstValueFrom(search$(need(), text, 50)));
    return { ms: r.ms, rows: r.value.length };
  },
  /**
   * Search terms of each kind the UI promises, taken from `n` stored complaints spread over the
   * replica: ids are UUIDv7, so ids evenly spaced in time between the first and the last are
   * each found by one primary-key range read.
   */
  async searchTerms(n: number) {
    const s = need();
    // Read by primary key below RxDB: its planner answers an id range sorted by id through the
    // [_meta.lwt, id] index, walking and sorting every complaint (minutes at 100,000).
    const internals = (await (s.db.complaints.storageInstance as { internals?: unknown }).internals) as {
      dexieTable: { where(i: string): { aboveOrEqual(k: string): { limit(n: number): { toArray(): Promise<unknown[]> } } } };
      booleanIndexes: string[];
    };
    const { fromDexieToStorage } = await import('rxdb/plugins/storage-dexie');
    const openSealed = storedDocOpener(s.db.complaints.storageInstance.originalStorageInstance);
    const firstFrom = async (from: string): Promise<ComplaintDoc | undefined> => {
      const [row] = await internals.dexieTable.where(':id').aboveOrEqual(from).limit(1).toArray();
      return row ? ((await openSealed(fromDexieToStorage(internals.booleanIndexes, row as never) as never)) as unknown as ComplaintDoc) : undefined;
    };
    const ms = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    const idAt = (t: number) => {
      const hex = t.toString(16).padStart(12, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
    };
    const lo = await firstFrom('');
    const out = { number: [] as string[], phone: [] as string[], name: [] as string[] };
    if (!lo) return out;
    // The last id's time by bisection over the UUIDv7 time prefix (a descending read is none of RxDB's).
    let [below, above] = [ms(lo.id), 2 ** 48];
    while (above - below > 1) {
      const mid = Math.floor((below + above) / 2);
      if (await firstFrom(idAt(mid))) below = mid;
      else above = mid;
    }
    const hi = { id: idAt(below) };
    for (let i = 0; i < n; i++) {
      const d = await firstFrom(idAt(Math.round(ms(lo.id) + ((ms(hi.id) - ms(lo.id)) * i) / n)));
      if (!d) continue;
      out.number.push(d.number);
      const digits = (d.p.complainant?.phone ?? '').replace(/\D+/g, '');
      if (digits.length >= 8) out.phone.push(digits.slice(3, 3 + 4 + (i % 4)));
      if (d.p.complainant?.name) out.name.push(d.p.complainant.name);
    }
    return out;
  },
  /** From navigation start to the first queue page on screen-ready data, after a browser restart. */
  async coldStart(user: SessionUser) {
    const openMs = await open(user);
    const first = await api.queuePage(0);
    return { openMs, firstPageMs: first.ms, rows: first.rows, readyAtMs: performance.now() };
  },
  /** Closes the store, then upgrades the local schema one version (schema-upgrade.ts). */
  async upgrade(o: { user: SessionUser; windowMs: number; budgetMs: number }) {
    // The replica is sealed with the workstation's key: the migration reads and writes it through the same layer the app opens it with.
    const { atRest } = need();
    const cipher = atRest.kind === 'encrypted' ? atRest.keys.cipher : null;
    await api.close();
    const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
    const storage = sealedStorage(getRxStorageDexie() as RxStorage<unknown, unknown>, cipher);
    return upgradeSchema(await userDatabaseName(DB_NAME, o.user.id), storage, o.windowMs, o.budgetMs);
  },
  async close() {
    await store?.close();
    store = null;
  },
};

(window as unknown as { hdBench: typeof api }).hdBench = api;
document.title = 'ready';
