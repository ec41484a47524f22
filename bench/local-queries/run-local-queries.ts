import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SessionUser } from '../../renderer/data/types/session';
import type { BenchArgs } from '../lib/args';
import type { BenchResult, GoalCheck } from '../lib/bench-result';
import { summarize } from '../lib/stats';
import { formatNumber, renderTable } from '../lib/table';
import { REPO_ROOT } from '../lib/server-process';
import { restoreCached, saveCached, sourceHash } from '../lib/replica-cache';
import { buildBenchPage } from './build-page';
import { DEFAULT_PAGE_ORIGIN, routeFolder } from './page-route';
import { profileTop } from './cpu-profile';
import { hotSpotTable } from '../lib/hot-spot-table';
import { queuePlans } from './query-plans';
import { statusOrders } from './status-orders';
import type { UpgradeReport } from './schema-upgrade';
import type { FrameReport } from './frame-report';

/**
 * Benchmarks 2 and 5 in real Chromium (Debian's, headless, driven by
 * Playwright): the renderer's data layer on IndexedDB (RxDB + Dexie) holding
 * N complaints (100,000 in the full run), filled through the workstation's
 * own first sync (bootstrap pages, projector, search index). Measured: the
 * first search of each kind after a cold open and later searches, the
 * queue's first page and later pages by keyset (beside offset paging), the
 * due-today count, the JS heap, a cold start (browser restart → database
 * open → first queue page) and a local schema upgrade.
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TEXT_TERMS = ['态度', '扣费', '宽带', '光猫', '退费', '信号', '安装', '套餐', '话费', '催促', '营业厅', '投诉', '流量', '工号', '装维', '发票', '道歉', '停机', '上门', '网速'];
const QUEUE_STATUSES = ['registered', 'filed', 'callback_pending', 'in_progress'] as const;
const USER: SessionUser = { id: 'user-supervisor-gz', username: 'supervisor.gz', displayName: '主管', role: 'supervisor', branchId: 'gz', teamId: null };
const DATASET_SEED = 50_000;
/** Sources that decide what the replica stores: a change to any of them builds the cached replica anew. */
const REPLICA_SOURCES = ['renderer/data/schema', 'renderer/data/projection', 'renderer/data/search', 'renderer/data/sync/bootstrap.ts', 'shared/fold', 'test/fixtures', 'bench/local-queries/dataset-bootstrap-api.ts', 'bench/local-queries/bench-platform.ts', 'renderer/data/crypto'];
const KINDS = ['number', 'phone', 'name', 'text'] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABEL: Record<Kind, string> = {
  number: 'complaint number',
  phone: '4–7 phone digits',
  name: 'complainant name',
  text: '2–3 Chinese characters of the description',
};

interface Terms {
  number: string[];
  phone: string[];
  name: string[];
}

type Bench = {
  open(user: SessionUser): Promise<number>;
  seed(o: { complaints: number; seed: number; endMs: number }): Promise<{ genMs: number; seedMs: number; events: number; complaints: number }>;
  count(): Promise<{ complaints: number; events: number }>;
  queuePage(skip: number, statuses?: readonly string[]): Promise<{ ms: number; rows: number; count: number }>;
  queueWalk(statuses: readonly string[], pages: number): Promise<{ firstMs: number; laterMs: number[]; rows: number; distinct: number; count: number }>;
  dueToday(grade: number | undefined): Promise<{ ms: number; count: number }>;
  search(text: string): Promise<{ ms: number; rows: number }>;
  searchTerms(n: number): Promise<Terms>;
  coldStart(user: SessionUser): Promise<{ openMs: number; firstPageMs: number; rows: number; readyAtMs: number }>;
  upgrade(o: { user: SessionUser; windowMs: number; budgetMs: number }): Promise<UpgradeReport>;
  close(): Promise<void>;
};
declare const hdBench: Bench;
declare const hdGrid: { ready(): Promise<{ atMs: number; rows: number }>; scroll(step: number): Promise<FrameReport> };
/** Scrolling speed: ten 34 px rows a frame, 600 rows a second at 60 Hz. */
const SCROLL_STEP_PX = 340;

/** Progress on stderr, so a long run shows where it is without touching the Markdown on stdout. */
const say = (what: string) => process.stderr.write(`[local-queries ${new Date().toISOString().slice(11, 19)}] ${what}\n`);

/** Where the pages are: their files, and the origin they are served at (the replica's IndexedDB belongs to it). */
interface Site {
  dir: string;
  origin: string;
}

async function launch(userDataDir: string, site: Site): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  await routeFolder(context, site.origin, site.dir);
  return context;
}

async function heapMb(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return { used: usage.usedSize / 2 ** 20, total: usage.totalSize / 2 ** 20 };
}

async function openPage(context: BrowserContext, site: Site, file = ''): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${site.origin}/${file}`);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

/** A session on the persisted replica: a fresh browser on the profile, the page, the store opened. */
async function session<T>(profile: string, site: Site, work: (page: Page, openMs: number) => Promise<T>): Promise<T> {
  const context = await launch(profile, site);
  try {
    const page = await openPage(context, site);
    const openMs = await page.evaluate((u) => hdBench.open(u), USER);
    const out = await work(page, openMs);
    await page.evaluate(() => hdBench.close());
    return out;
  } finally {
    await context.close();
  }
}

interface Replica {
  site: Site;
  built: boolean;
  note: string;
  heapEmpty?: number;
  heapLoaded?: number;
}

/** Restores the cached replica of this size and code, or fills one through the first sync and caches it. */
async function replica(profile: string, dir: string, n: number, rebuild: boolean): Promise<Replica> {
  const key = `replica-${n}-seed${DATASET_SEED}-${await sourceHash(REPO_ROOT, REPLICA_SOURCES)}`;
  const t = performance.now();
  const cachedOrigin = rebuild ? null : await restoreCached(key, profile);
  if (cachedOrigin) {
    return { site: { dir, origin: cachedOrigin.trim() }, built: false, note: `restored from the on-disk cache (${key}) in ${formatNumber((performance.now() - t) / 1000)} s, built by an earlier run through the same first sync` };
  }
  const site = { dir, origin: DEFAULT_PAGE_ORIGIN };
  const context = await launch(profile, site);
  try {
    const page = await openPage(context, site);
    await page.evaluate((u) => hdBench.open(u), USER);
    const heapEmpty = (await heapMb(page)).used;
    const r = await page.evaluate((o) => hdBench.seed(o), { complaints: n, seed: DATASET_SEED, endMs: Date.now() - 60_000 });
    const count = await page.evaluate(() => hdBench.count());
    if (count.complaints !== n || count.events !== r.events) throw new Error(`replica holds ${count.complaints}/${n} complaints, ${count.events}/${r.events} events`);
    const heapLoaded = (await heapMb(page)).used;
    await page.evaluate(() => hdBench.close());
    await context.close();
    await saveCached(key, profile, site.origin);
    return {
      site,
      built: true,
      heapEmpty,
      heapLoaded,
      note: `built in this run: ${n.toLocaleString('en-US')} complaints, ${r.events.toLocaleString('en-US')} events generated in the page in ${formatNumber(r.genMs / 1000)} s, then written by the bootstrap (bulk writes, projector, search index) in ${formatNumber(r.seedMs / 1000)} s; cached as ${key}`,
    };
  } catch (err) {
    await context.close();
    throw err;
  }
}

export async function runLocalQueries(args: BenchArgs): Promise<BenchResult> {
  const n = Number(args.flags.get('complaints') ?? (args.quick ? 5000 : 100_000));
  const reps = args.runs ?? (args.quick ? 12 : 40);
  const walks = args.quick ? 8 : 24;
  const walkPages = args.quick ? 8 : 20;
  const coldRuns = args.quick ? 2 : 4;
  const work = await mkdtemp(path.join(os.tmpdir(), 'hd-bench-chromium-'));
  const profiling = args.flags.get('profile') === 'true';
  // A profile needs readable function names; the measured runs use the minified build the app ships.
  await buildBenchPage(path.join(work, 'page'), { minify: !profiling });
  const profile = path.join(work, 'profile');
  try {
    say('replica (restore or build)');
    const rep = await replica(profile, path.join(work, 'page'), n, args.flags.get('rebuild') === 'true');
    const site = rep.site;
    say('search terms');
    const terms = await session(profile, site, (page) => page.evaluate((k) => hdBench.searchTerms(k), reps + 1));
    const termsOf = (kind: Kind): string[] => (kind === 'text' ? Array.from({ length: reps + 1 }, (_, i) => TEXT_TERMS[i % TEXT_TERMS.length] as string) : terms[kind]);

    // Search: per kind, a browser restart, the first search right after the store opens (the index is
    // read from its persisted buckets meanwhile), then the later searches of that kind.
    const profiles: string[] = [];
    const searchRows: (string | number)[][] = [];
    const goals: GoalCheck[] = [];
    say('searches by kind');
    for (const kind of KINDS) {
      const list = termsOf(kind);
      const r = await session(profile, site, async (page, openMs) => {
        let first = { ms: 0, rows: 0 };
        const ask = async () => {
          first = await page.evaluate((t) => hdBench.search(t), list[0] as string);
        };
        if (profiling && kind === 'text') {
          const top = await profileTop(page, ask);
          profiles.push(hotSpotTable(`CPU profile, first search after a cold open (self time, top ${top.length})`, 'function', top));
        } else await ask();
        const later: number[] = [];
        let hits = 0;
        for (const t of list.slice(1)) {
          const s = await page.evaluate((x) => hdBench.search(x), t);
          later.push(s.ms);
          hits += s.rows;
        }
        return { openMs, first, later, hits };
      });
      const s = summarize(r.later);
      searchRows.push([
        KIND_LABEL[kind],
        formatNumber(r.openMs),
        `${formatNumber(r.first.ms)} (${r.first.rows} rows)`,
        r.later.length,
        formatNumber(s.median),
        formatNumber(s.p95),
        formatNumber(r.hits / Math.max(1, r.later.length)),
      ]);
      goals.push({ goal: `first search after a cold open ≤ 300 ms: ${KIND_LABEL[kind]}`, measured: `${formatNumber(r.first.ms)} ms`, met: r.first.ms <= 300 });
      goals.push({ goal: `later searches p95 ≤ 50 ms: ${KIND_LABEL[kind]}`, measured: `${formatNumber(s.p95)} ms`, met: s.p95 <= 50 });
    }

    // The queue: keyset walks (first page, then each next page after the last row), each walk with
    // its statuses in another order so no answer comes from RxDB's query cache; offset paging beside it.
    say('queue pages, due-today, heap');
    const orders = statusOrders(QUEUE_STATUSES);
    const main = await session(profile, site, async (page) => {
      const firstMs: number[] = [];
      const laterMs: number[] = [];
      let rows = 0;
      let distinct = 0;
      let openCount = 0;
      for (let w = 0; w < walks; w++) {
        const r = await page.evaluate((x) => hdBench.queueWalk(x.order, x.pages), { order: orders[w % orders.length]!, pages: walkPages });
        firstMs.push(r.firstMs);
        laterMs.push(...r.laterMs);
        rows += r.rows;
        distinct += r.distinct;
        openCount = r.count;
      }
      const offsetMs: number[] = [];
      for (let r = 0; r < Math.min(reps, 19); r++) {
        offsetMs.push((await page.evaluate((x) => hdBench.queuePage(x.skip, x.order), { skip: (r + 1) * 50, order: orders[(r + 3) % orders.length]! })).ms);
      }
      const dueMs: number[] = [];
      let dueCount = 0;
      const grades = [undefined, 1, 2, 3, 4];
      for (let r = 0; r < reps; r++) {
        const d = await page.evaluate((g) => hdBench.dueToday(g), grades[r % grades.length]);
        dueMs.push(d.ms);
        if (r === 0) dueCount = d.count;
      }
      // Searches of every kind, so the heap below holds what a working session holds.
      for (const kind of KINDS) for (const t of termsOf(kind).slice(0, 3)) await page.evaluate((x) => hdBench.search(x), t);
      const heap = await heapMb(page);
      if (profiling) {
        const top = await profileTop(page, async () => {
          await page.evaluate((x) => hdBench.queueWalk(x, 10), orders[orders.length - 1]!);
        });
        profiles.push(hotSpotTable(`CPU profile, one keyset walk of 10 pages (self time, top ${top.length})`, 'function', top));
      }
      return { firstMs, laterMs, rows, distinct, openCount, offsetMs, dueMs, dueCount, heap };
    });

    say('cold starts');
    // Cold start: browser launch → page → open database → first queue page.
    const coldTotal: number[] = [];
    const coldReady: number[] = [];
    const coldOpen: number[] = [];
    for (let c = 0; c < coldRuns; c++) {
      const t0 = performance.now();
      const context = await launch(profile, site);
      try {
        const page = await openPage(context, site);
        const cold = await page.evaluate((u) => hdBench.coldStart(u), USER);
        coldTotal.push(performance.now() - t0);
        coldReady.push(cold.readyAtMs);
        coldOpen.push(cold.openMs);
        await page.evaluate(() => hdBench.close());
      } finally {
        await context.close();
      }
    }

    say('grid: cold start and scroll');
    // The renderer's grid (grid-entry.tsx): browser launch → rows on screen, then a scroll from top to bottom.
    const gridReady: number[] = [];
    const gridTotal: number[] = [];
    let scroll: FrameReport | null = null;
    let gridRows = 0;
    for (let c = 0; c < coldRuns; c++) {
      const t0 = performance.now();
      const context = await launch(profile, site);
      try {
        const page = await openPage(context, site, 'grid.html');
        const r = await page.evaluate(() => hdGrid.ready());
        gridTotal.push(performance.now() - t0);
        gridReady.push(r.atMs);
        gridRows = r.rows;
        if (c === coldRuns - 1) scroll = await page.evaluate((step) => hdGrid.scroll(step), SCROLL_STEP_PX);
      } finally {
        await context.close();
      }
    }

    say('schema upgrade');
    // Last, as it changes the replica: a local schema upgrade.
    const upgrade = await (async () => {
      const context = await launch(profile, site);
      try {
        const page = await openPage(context, site);
        await page.evaluate((u) => hdBench.open(u), USER);
        return await page.evaluate((o) => hdBench.upgrade(o), { user: USER, windowMs: args.quick ? 20_000 : 60_000, budgetMs: Number(args.flags.get('upgrade-budget-s') ?? 3600) * 1000 });
      } finally {
        await context.close();
      }
    })();

    const first = summarize(main.firstMs);
    const later = summarize(main.laterMs);
    const offset = summarize(main.offsetMs);
    const due = summarize(main.dueMs);
    const cold = summarize(coldTotal);
    const nText = n.toLocaleString('en-US');
    const searchTable = renderTable(
      [`search kind (N = ${nText} complaints)`, 'store open ms', 'first search after cold open ms', 'later searches', 'later median ms', 'later p95 ms', 'rows per later search'],
      searchRows,
    );
    const queueTable = renderTable(
      [`queue query (N = ${nText} complaints in IndexedDB)`, 'runs', 'median ms', 'p95 ms', 'result'],
      [
        ['first queue page: branch + open statuses, by deadline, 50 rows + total count', main.firstMs.length, formatNumber(first.median), formatNumber(first.p95), `50 rows of ${main.openCount.toLocaleString('en-US')}`],
        [`later pages by keyset (after the last row), ${walkPages} pages per walk`, main.laterMs.length, formatNumber(later.median), formatNumber(later.p95), `${main.rows.toLocaleString('en-US')} rows, ${main.distinct.toLocaleString('en-US')} distinct`],
        ['same queue by offset (skip 50 … 950), for comparison', main.offsetMs.length, formatNumber(offset.median), formatNumber(offset.p95), 'offsets in turn'],
        ['due-today count (branch, ± grade)', main.dueMs.length, formatNumber(due.median), formatNumber(due.p95), `${main.dueCount} due today (all grades)`],
      ],
    );
    const memory = renderTable(
      ['measure', 'value'],
      [
        ...(rep.heapEmpty === undefined ? [] : [['JS heap, database open and empty (after GC)', `${formatNumber(rep.heapEmpty)} MB`]]),
        ...(rep.heapLoaded === undefined ? [] : [[`JS heap right after the first sync of ${nText} complaints (after GC)`, `${formatNumber(rep.heapLoaded)} MB`]]),
        ['JS heap after opening, keyset and offset queue pages, due-today and searches of every kind (after GC)', `${formatNumber(main.heap.used)} MB`],
        ['cold start: browser launch → first queue page, median / p95', `${formatNumber(cold.median)} / ${formatNumber(cold.p95)} ms`],
        ['cold start: navigation → first queue page (in page), median / p95', `${formatNumber(summarize(coldReady).median)} / ${formatNumber(summarize(coldReady).p95)} ms`],
        ['of which opening the database and session, median', `${formatNumber(summarize(coldOpen).median)} ms`],
        ['cold start of the renderer’s grid: browser launch → queue rows on screen, median / p95', `${formatNumber(summarize(gridTotal).median)} / ${formatNumber(summarize(gridTotal).p95)} ms`],
        ['same, navigation → queue rows on screen (in page), median / p95', `${formatNumber(summarize(gridReady).median)} / ${formatNumber(summarize(gridReady).p95)} ms`],
        ['replica', rep.note],
      ],
    );
    const lost = upgrade.after !== null && (upgrade.before.complaints !== upgrade.after.complaints || upgrade.before.events !== upgrade.after.events
      || upgrade.before.complaintsHash !== upgrade.after.complaintsHash || upgrade.before.eventsHash !== upgrade.after.eventsHash);
    const app = upgrade.rxdbDefault;
    const appRate = app.elapsedMs > 0 ? app.handled / (app.elapsedMs / 1000) : 0;
    const upgradeTable = renderTable(
      ['local schema upgrade (complaints schema one version up, each document recomputed by the app’s newest strategy)', 'value'],
      [
        [
          `whole migration, the app’s path (migrateCollections as openDatabase runs it, ${upgrade.batch} documents a step)`,
          upgrade.finished
            ? `${formatNumber(upgrade.ms / 1000, 2)} s`
            : `not finished: ${upgrade.lastProgress?.handled.toLocaleString('en-US') ?? 0} of ${upgrade.lastProgress?.total.toLocaleString('en-US') ?? '?'} in ${formatNumber(upgrade.ms / 1000)} s (budget --upgrade-budget-s), about ${formatNumber(((upgrade.lastProgress?.total ?? 0) / Math.max(upgrade.lastProgress?.handled ?? 0, 1)) * (upgrade.ms / 60_000))} min for all at that rate`,
        ],
        ['complaints before → after', upgrade.after ? `${upgrade.before.complaints.toLocaleString('en-US')} → ${upgrade.after.complaints.toLocaleString('en-US')} (fingerprint ${upgrade.before.complaintsHash} → ${upgrade.after.complaintsHash})` : 'not compared (unfinished)'],
        ['events before → after', upgrade.after ? `${upgrade.before.events.toLocaleString('en-US')} → ${upgrade.after.events.toLocaleString('en-US')} (fingerprint ${upgrade.before.eventsHash} → ${upgrade.after.eventsHash})` : 'not compared (unfinished)'],
        ['progress updates the app’s path reported (what the window shows)', `${upgrade.progressUpdates}, last ${upgrade.lastProgress ? `${upgrade.lastProgress.handled}/${upgrade.lastProgress.total}` : 'none'}`],
        [
          `for comparison, the app’s path before: migration inside addCollections, ${app.batch} documents a step`,
          app.windowMs === 0
            ? 'not run (the migration above did not finish)'
            : app.done
            ? `${formatNumber(app.elapsedMs / 1000, 2)} s for ${app.total.toLocaleString('en-US')}`
            : `${app.handled.toLocaleString('en-US')} of ${app.total.toLocaleString('en-US')} in ${formatNumber(app.elapsedMs / 1000)} s (stopped there): ${formatNumber(appRate)} documents/s, about ${formatNumber(app.total / Math.max(appRate, 1e-9) / 60)} min for all`,
        ],
      ],
    );
    const sc = scroll as FrameReport | null;
    const scrollTable = sc
      ? renderTable(
          [`grid scroll, top to bottom (${gridRows.toLocaleString('en-US')} rows, ${SCROLL_STEP_PX} px a frame)`, 'frames', 'frame median ms', 'frame p95 ms', 'frame max ms', 'dropped frames (60 Hz)', 'frames with blank rows'],
          [['ComplaintGrid in Chromium (requestAnimationFrame intervals)', sc.frames, formatNumber(sc.medianMs), formatNumber(sc.p95Ms), formatNumber(sc.maxMs), sc.dropped, sc.blankFrames]],
        )
      : '';
    const plans = await queuePlans(USER, Date.now());
    const planTable = renderTable(
      ['query', 'index RxDB picks', 'key range read', 'index gives the sort', 'index decides the filter'],
      plans.map((x) => [x.query, x.index, x.range, x.sortSatisfied ? 'yes' : 'no', x.selectorSatisfied ? 'yes' : 'no']),
    );
    return {
      name: 'local-queries',
      title: `Local queries, memory, cold start and schema upgrade in Chromium IndexedDB (${nText} complaints)`,
      sections: [searchTable, queueTable, scrollTable, memory, upgradeTable, `RxDB query plans:\n\n${planTable}`, ...profiles],
      goals: [
        ...goals,
        { goal: 'first queue page p95 ≤ 15 ms', measured: `${formatNumber(first.p95)} ms`, met: first.p95 <= 15 },
        { goal: 'later queue pages (keyset) p95 ≤ 30 ms', measured: `${formatNumber(later.p95)} ms`, met: later.p95 <= 30 },
        ...(sc ? [{ goal: 'grid scrolls top to bottom without a blank or dropped frame', measured: `${sc.dropped} dropped, ${sc.blankFrames} with blank rows of ${sc.frames}`, met: sc.dropped === 0 && sc.blankFrames === 0 }] : []),
        { goal: 'keyset pages repeat no row', measured: `${main.rows} rows, ${main.distinct} distinct`, met: main.rows === main.distinct },
        { goal: 'JS heap after opening and running queue, due-today and search ≤ 150 MB', measured: `${formatNumber(main.heap.used)} MB`, met: main.heap.used <= 150 },
        { goal: 'cold start (browser launch) to the first queue page ≤ 2 s', measured: `${formatNumber(cold.median)} ms median`, met: cold.median <= 2000 },
        { goal: 'cold start (browser launch) to queue rows on screen in the grid ≤ 2 s', measured: `${formatNumber(summarize(gridTotal).median)} ms median`, met: summarize(gridTotal).median <= 2000 },
        {
          goal: 'schema upgrade loses nothing and reports progress',
          measured: upgrade.after ? `${lost ? 'changed' : 'same'} counts and fingerprints, ${upgrade.progressUpdates} progress updates` : 'unfinished within its budget',
          met: upgrade.after !== null && !lost && upgrade.progressUpdates > 1,
        },
      ],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
