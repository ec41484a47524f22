/**
 * The benchmark page: the renderer's own data layer (RxDB over Dexie, i.e.
 * IndexedDB) with its queue and search queries, driven from Playwright
 * through window.hdBench. No UI: it measures the data path the UI reads.
 */
import { firstValueFrom } from 'rxjs';
import { openWorkstationStore, type DataStore } from '../../renderer/data/store';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { queue$ } from '../../renderer/data/live/queue';
import { search$ } from '../../renderer/data/live/search';
import type { ComplaintDoc } from '../../renderer/data/schema/complaints-schema';
import type { QueueFilter } from '../../renderer/data/types/queue';
import type { SessionUser } from '../../renderer/data/types/session';

const DB_NAME = 'hd-bench';
const OPEN_STATUSES = ['registered', 'filed', 'callback_pending', 'in_progress'] as QueueFilter['status'];
let store: DataStore | null = null;

async function open(user: SessionUser): Promise<number> {
  const t = performance.now();
  const ws = await openWorkstationStore({ platform: memoryPlatform('http://127.0.0.1:9'), databaseName: DB_NAME, breachWatcher: false });
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
  async load(docs: ComplaintDoc[]): Promise<number> {
    const t = performance.now();
    const res = await need().db.complaints.bulkInsert(docs);
    if (res.error.length) throw new Error(`bulkInsert: ${res.error.length} errors, first ${JSON.stringify(res.error[0]).slice(0, 300)}`);
    // Loaded behind the projector's back, so the persisted search index is told as the projector would.
    await need().search.apply(docs, []);
    return performance.now() - t;
  },
  count: () => need().db.complaints.count().exec(),
  /**
   * A page of the queue screen: branch scope, open statuses, by nearest deadline, 50 rows, with
   * the total count. The statuses may come in another order: the same page asked as a new query.
   */
  async queuePage(skip: number, statuses: QueueFilter['status'] = OPEN_STATUSES) {
    const r = await timed(() => firstValueFrom(queue$(need(), { scope: 'branch', status: statuses, sort: 'deadline', limit: 50, skip })));
    return { ms: r.ms, rows: r.value.items.length, count: r.value.count };
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
  /** From navigation start to the first queue page on screen-ready data, after a browser restart. */
  async coldStart(user: SessionUser) {
    const openMs = await open(user);
    const first = await api.queuePage(0);
    return { openMs, firstPageMs: first.ms, rows: first.rows, readyAtMs: performance.now() };
  },
  async close() {
    await store?.close();
    store = null;
  },
};

(window as unknown as { hdBench: typeof api }).hdBench = api;
document.title = 'ready';
