import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toComplaintDoc } from '../../renderer/data/projection/complaint-doc';
import type { ComplaintDoc } from '../../renderer/data/schema/complaints-schema';
import type { SessionUser } from '../../renderer/data/types/session';
import { fold } from '../../shared/fold/fold';
import { defaultPolicy } from '../../shared/policy/policy';
import { defaultCalendar } from '../../shared/calendar/calendar';
import { demoBranches, generateDataset } from '../../test/fixtures/complaint-dataset';
import type { BenchArgs } from '../lib/args';
import type { BenchResult } from '../lib/bench-result';
import { summarize } from '../lib/stats';
import { formatNumber, renderTable } from '../lib/table';
import { buildBenchPage } from './build-page';
import { serveFolder } from './static-server';
import { profileTop } from './cpu-profile';
import { hotSpotTable } from '../lib/hot-spot-table';
import { queuePlans } from './query-plans';
import { statusOrders } from './status-orders';

/**
 * Benchmarks 2 and 5 in real Chromium (Debian's, headless, driven by
 * Playwright): the renderer's data layer on IndexedDB (RxDB + Dexie) holding
 * N complaints: the queue's first page, the due-today count and Chinese
 * substring search; then the JS heap and a cold start (browser restart →
 * database open → first queue page) on the same persisted IndexedDB.
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SEARCH_TERMS = ['态度', '扣费', '宽带', '光猫', '退费', '信号', '安装', '套餐', '话费', '催促', '营业厅', '投诉', '流量', '工号', '装维', '发票', '道歉', '停机', '上门', '网速'];
const QUEUE_STATUSES = ['registered', 'filed', 'callback_pending', 'in_progress'] as const;
const USER: SessionUser = { id: 'user-supervisor-gz', username: 'supervisor.gz', displayName: '主管', role: 'supervisor', branchId: 'gz', teamId: null };

type Bench = {
  open(user: SessionUser): Promise<number>;
  load(docs: ComplaintDoc[]): Promise<number>;
  count(): Promise<number>;
  queuePage(skip: number, statuses?: readonly string[]): Promise<{ ms: number; rows: number; count: number }>;
  dueToday(grade: number | undefined): Promise<{ ms: number; count: number }>;
  search(text: string): Promise<{ ms: number; rows: number }>;
  coldStart(user: SessionUser): Promise<{ openMs: number; firstPageMs: number; rows: number; readyAtMs: number }>;
  close(): Promise<void>;
};
declare const hdBench: Bench;

function complaintDocs(n: number): ComplaintDoc[] {
  const ctx = { policy: defaultPolicy, calendar: defaultCalendar() };
  const data = generateDataset({ seed: 50_000, complaints: n, branches: demoBranches(), endMs: Date.now() - 60_000, spanDays: 45 });
  return data.complaints.map((c) => {
    const p = fold(c.events, ctx);
    if (!p) throw new Error(`no projection for ${c.number}`);
    return toComplaintDoc(p);
  });
}

async function launch(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

async function heapMb(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return { used: usage.usedSize / 2 ** 20, total: usage.totalSize / 2 ** 20 };
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

export async function runLocalQueries(args: BenchArgs): Promise<BenchResult> {
  const n = Number(args.flags.get('complaints') ?? (args.quick ? 5000 : 50_000));
  const reps = args.runs ?? (args.quick ? 15 : 40);
  const coldRuns = args.quick ? 2 : 4;
  const work = await mkdtemp(path.join(os.tmpdir(), 'hd-bench-chromium-'));
  const profiling = args.flags.get('profile') === 'true';
  // A profile needs readable function names; the measured runs use the minified build the app ships.
  await buildBenchPage(path.join(work, 'page'), { minify: !profiling });
  const site = await serveFolder(path.join(work, 'page'));
  const profile = path.join(work, 'profile');
  try {
    const genStart = performance.now();
    const docs = complaintDocs(n);
    const genSeconds = (performance.now() - genStart) / 1000;
    const docMb = JSON.stringify(docs).length / 2 ** 20;

    let context = await launch(profile);
    let page = await openPage(context, site.url);
    await page.evaluate((u) => hdBench.open(u), USER);
    const heapEmpty = await heapMb(page);
    const loadStart = performance.now();
    for (let i = 0; i < docs.length; i += 1000) {
      const chunk = docs.slice(i, i + 1000);
      await page.evaluate((d) => hdBench.load(d), chunk);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const count = await page.evaluate(() => hdBench.count());
    if (count !== n) throw new Error(`loaded ${count} of ${n}`);
    const heapLoaded = await heapMb(page);
    await page.evaluate(() => hdBench.close());
    await context.close();

    // Warm browser, cold queries: a fresh page on the persisted database, then repeated distinct queries.
    context = await launch(profile);
    page = await openPage(context, site.url);
    await page.evaluate((u) => hdBench.open(u), USER);
    const profiles: string[] = [];
    let firstSearch = { ms: 0, rows: 0 };
    const askFirstSearch = async () => {
      firstSearch = await page.evaluate((t) => hdBench.search(t), '态度');
    };
    if (profiling) {
      const top = await profileTop(page, askFirstSearch);
      profiles.push(hotSpotTable(`CPU profile, first search after open (self time, top ${top.length})`, 'function', top));
    } else await askFirstSearch();
    const pageMs: number[] = [];
    const deepMs: number[] = [];
    const orders = statusOrders(QUEUE_STATUSES);
    const dueMs: number[] = [];
    const searchMs: number[] = [];
    let rows = 0;
    let openCount = 0;
    let dueCount = 0;
    const grades = [undefined, 1, 2, 3, 4];
    for (let r = 0; r < reps; r++) {
      // Each repetition asks something new (another status order, page offset, grade or term), so no answer comes from RxDB's query cache.
      if (r < orders.length) {
        const q = await page.evaluate((o) => hdBench.queuePage(0, o), orders[r]!);
        pageMs.push(q.ms);
        if (r === 0) {
          rows = q.rows;
          openCount = q.count;
        }
      }
      // Scrolling: skip 50 … 950, each offset with a new status order once all offsets were asked.
      const deep = { skip: ((r % 19) + 1) * 50, order: orders[Math.floor(r / 19) % orders.length]! };
      deepMs.push((await page.evaluate((x) => hdBench.queuePage(x.skip, x.order), deep)).ms);
      const d = await page.evaluate((g) => hdBench.dueToday(g), grades[r % grades.length]);
      dueMs.push(d.ms);
      if (r === 0) dueCount = d.count;
      const s = await page.evaluate((t) => hdBench.search(t), SEARCH_TERMS[r % SEARCH_TERMS.length] as string);
      searchMs.push(s.ms);
    }
    const heapWorking = await heapMb(page);
    if (profiling) {
      for (const [label, work] of [
        ['queue page at skip 1,000–1,200', async () => { for (let i = 0; i < 5; i++) await page.evaluate((skip) => hdBench.queuePage(skip), 1000 + i * 50); }],
        ['due-today count', async () => { for (let i = 0; i < 5; i++) await page.evaluate((g) => hdBench.dueToday(g), [undefined, 1, 2, 3, 4][i]); }],
      ] as const) {
        const top = await profileTop(page, work);
        profiles.push(hotSpotTable(`CPU profile, 5 × ${label} (self time, top ${top.length})`, 'function', top));
      }
    }
    await page.evaluate(() => hdBench.close());
    await context.close();

    // Cold start: browser launch → page → open database → first queue page.
    const coldTotal: number[] = [];
    const coldReady: number[] = [];
    const coldOpen: number[] = [];
    for (let c = 0; c < coldRuns; c++) {
      const t0 = performance.now();
      context = await launch(profile);
      page = await openPage(context, site.url);
      const cold = await page.evaluate((u) => hdBench.coldStart(u), USER);
      coldTotal.push(performance.now() - t0);
      coldReady.push(cold.readyAtMs);
      coldOpen.push(cold.openMs);
      await page.evaluate(() => hdBench.close());
      await context.close();
    }

    const p = summarize(pageMs);
    const deep = summarize(deepMs);
    const d = summarize(dueMs);
    const s = summarize(searchMs);
    const queries = renderTable(
      ['query (N = ' + n.toLocaleString('en-US') + ' complaints in IndexedDB)', 'runs', 'median ms', 'p95 ms', 'result'],
      [
        ['first queue page: branch + open statuses, by deadline, 50 rows + total count', pageMs.length, formatNumber(p.median), formatNumber(p.p95), `${rows} rows of ${openCount}`],
        ['same queue scrolled: skip 50 … 950, 50 rows + total count', reps, formatNumber(deep.median), formatNumber(deep.p95), '19 offsets in turn'],
        ['due-today count (branch, ± grade)', reps, formatNumber(d.median), formatNumber(d.p95), `${dueCount} due today (all grades)`],
        ['Chinese substring search, 2–3 characters, 50 hits', reps, formatNumber(s.median), formatNumber(s.p95), `${SEARCH_TERMS.length} terms in turn`],
        ['first search after open (builds the in-memory index)', 1, formatNumber(firstSearch.ms), '', `${firstSearch.rows} rows`],
      ],
    );
    const memory = renderTable(
      ['measure', 'value'],
      [
        ['JS heap, database open and empty (after GC)', `${formatNumber(heapEmpty.used)} MB`],
        [`JS heap right after loading ${n.toLocaleString('en-US')} complaints (after GC)`, `${formatNumber(heapLoaded.used)} MB`],
        ['JS heap after reopening, queries and search index built (after GC)', `${formatNumber(heapWorking.used)} MB`],
        ['cold start: browser launch → first queue page, median / p95', `${formatNumber(summarize(coldTotal).median)} / ${formatNumber(summarize(coldTotal).p95)} ms`],
        ['cold start: navigation → first queue page (in page), median / p95', `${formatNumber(summarize(coldReady).median)} / ${formatNumber(summarize(coldReady).p95)} ms`],
        ['of which opening the database and session, median', `${formatNumber(summarize(coldOpen).median)} ms`],
        ['complaint documents loaded', `${n.toLocaleString('en-US')} (${formatNumber(docMb)} MB JSON), bulk insert ${formatNumber(loadSeconds)} s; generated and folded in Node in ${formatNumber(genSeconds)} s`],
      ],
    );
    const plans = await queuePlans(USER, Date.now());
    const planTable = renderTable(
      ['query', 'index RxDB picks', 'key range read', 'index gives the sort', 'index decides the filter'],
      plans.map((x) => [x.query, x.index, x.range, x.sortSatisfied ? 'yes' : 'no', x.selectorSatisfied ? 'yes' : 'no']),
    );
    const avgDocKb = (docMb * 1024) / n;
    return {
      name: 'local-queries',
      title: `Local queries, memory and cold start in Chromium IndexedDB (${n.toLocaleString('en-US')} complaints)`,
      sections: [queries, memory, `RxDB query plans (average complaint document ${formatNumber(avgDocKb)} KB of JSON):\n\n${planTable}`, ...profiles],
      goals: [
        { goal: 'first queue page p95 ≤ 30 ms', measured: `${formatNumber(p.p95)} ms`, met: p.p95 <= 30 },
        { goal: 'search p95 ≤ 80 ms', measured: `${formatNumber(s.p95)} ms`, met: s.p95 <= 80 },
      ],
    };
  } finally {
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
}
