/**
 * The typing page: the renderer's own intake form (IntakeScreen with its
 * caller history, repeat check and grade suggestion) inside the app's
 * DataProvider, styles and i18n, on a fresh replica in IndexedDB, driven from
 * Playwright through window.hdTyping. It measures each keystroke from its key
 * event to the frame painted after its input, and can run the workstation's
 * first sync (bootstrap pages written in bulk, projector, search index) on the
 * same page meanwhile, as a new workstation does while the agent takes a call.
 */
import { createRoot } from 'react-dom/client';
import '../../renderer/styles/app.css';
import { IntakeScreen } from '../../renderer/screens/IntakeScreen';
import { DataProvider } from '../../renderer/data/provider';
import { getActiveStore } from '../../renderer/data/active-store';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore } from '../../renderer/data/store';
import { runBootstrap } from '../../renderer/data/sync/bootstrap';
import { initI18n } from '../../renderer/i18n/i18n';
import { openDrafts, useDraftStore } from '../../renderer/state/intake-draft-store';
import type { SessionUser } from '../../renderer/data/types/session';
import { demoBranches, generateDataset, type Dataset } from '../../test/fixtures/complaint-dataset';
import { datasetBootstrapApi } from '../local-queries/dataset-bootstrap-api';
import type { LongFrame } from './long-frames';

const DB_NAME = 'hd-bench-typing';
const platform = memoryPlatform('http://127.0.0.1:9');

// Each keystroke: from its first key event (its timeStamp: when the browser received it, so time queued
// behind other work counts) to the end of the first frame rendered after its last input event.
let keyAt: number | null = null;
/** The longest a key or input event of this keystroke waited for the main thread (handler start − timeStamp). */
let waited = 0;
let framePending: Promise<{ beginMs: number; endMs: number }> | null = null;
const latencies: number[] = [];
const waits: number[] = [];
/** Per keystroke: from its key event to the begin of the frame that showed it. */
const toFrameBegin: number[] = [];
/** The browser's own measure (Event Timing): key and input events of 16 ms or more, from receipt to the next paint. */
const eventTimings: { name: string; durationMs: number; startMs: number }[] = [];
const longFrames: LongFrame[] = [];

/**
 * The next rendered frame: when it began (requestAnimationFrame's time, the frame's vsync) and when its
 * rendering was done (a message posted from requestAnimationFrame runs once the frame is rendered).
 */
function nextFrameEnd(): Promise<{ beginMs: number; endMs: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame((beginMs) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ beginMs, endMs: performance.now() });
      ch.port2.postMessage(null);
    });
  });
}

window.addEventListener('keydown', (e) => {
  keyAt ??= e.timeStamp;
  waited = Math.max(waited, performance.now() - e.timeStamp);
}, { capture: true });
window.addEventListener('input', (e) => {
  waited = Math.max(waited, performance.now() - e.timeStamp);
  framePending = nextFrameEnd();
}, { capture: true });

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (/^(key|input|beforeinput|composition)/.test(e.name)) eventTimings.push({ name: e.name, durationMs: e.duration, startMs: e.startTime });
  }
}).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

interface LoafScript { invoker?: string; invokerType?: string; duration: number }
interface LoafEntry extends PerformanceEntry { blockingDuration?: number; scripts?: LoafScript[] }
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as LoafEntry[]) {
      const scripts = (e.scripts ?? []).map((s) => ({ invoker: `${s.invokerType ?? ''} ${s.invoker ?? ''}`.trim(), durationMs: s.duration })).sort((a, b) => b.durationMs - a.durationMs);
      longFrames.push({ startMs: e.startTime, durationMs: e.duration, blockingMs: e.blockingDuration ?? 0, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch {
  // A browser without long-animation-frame entries: the keystroke figures stand without them.
}

let dataset: Dataset | null = null;
const sync = { running: false, done: false, startedMs: 0, endedMs: 0, error: '' };

function user(): SessionUser {
  const store = getActiveStore();
  if (!store) throw new Error('store not open');
  return store.user;
}

const api = {
  /** Resolves once the form is on screen with the user's store open. */
  async ready(): Promise<number> {
    for (;;) {
      if (getActiveStore() && document.querySelector('form.intake')) return performance.now();
      await new Promise((r) => setTimeout(r, 20));
    }
  },
  /** The end of the keystroke just sent: its latency in ms once its frame is painted. */
  async settle(): Promise<number> {
    const start = keyAt;
    const frame = await (framePending ?? nextFrameEnd());
    framePending = null;
    keyAt = null;
    if (start === null) throw new Error('a keystroke without a key event');
    const ms = frame.endMs - start;
    latencies.push(ms);
    toFrameBegin.push(frame.beginMs - start);
    waits.push(waited);
    waited = 0;
    return ms;
  },
  /** What was measured since the last take: latencies, the browser's slow events and long frames; then starts afresh. */
  take() {
    const out = { latencies: latencies.splice(0), waits: waits.splice(0), toFrameBegin: toFrameBegin.splice(0), eventTimings: eventTimings.splice(0), longFrames: longFrames.splice(0) };
    return out;
  },
  /** The text a field shows now (the runner checks the typing arrived). */
  fieldText: (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? null,
  /** The agent's "clear" between callers (the form's own button does the same). */
  clearForm() {
    useDraftStore.getState().clear(user().id);
  },
  /** Generates the server's data for the first sync beforehand, so its cost is not the sync's. */
  prepareSync(o: { complaints: number; seed: number; endMs: number }) {
    const t = performance.now();
    dataset = generateDataset({ seed: o.seed, complaints: o.complaints, branches: demoBranches(), endMs: o.endMs, spanDays: 45 });
    return { ms: performance.now() - t, complaints: dataset.complaints.length, events: dataset.events.length };
  },
  /** Starts the first sync in the background (as the sync controller runs it) and returns at once; `pageSize` complaints a page and `sliceSize` a bulk write (the app's by default). */
  startSync(sizes: { pageSize?: number; sliceSize?: number } = {}) {
    const s = getActiveStore();
    if (!s || !dataset) throw new Error('no store or no dataset');
    const data = dataset;
    Object.assign(sync, { running: true, done: false, startedMs: performance.now(), error: '' });
    void (async () => {
      try {
        await runBootstrap({
          api: datasetBootstrapApi(data),
          events: s.db.events,
          meta: s.userMeta,
          now: Date.now,
          ...sizes,
          settled: () => s.projector.idle(),
          index: s.search,
        });
        await s.projector.idle();
        await s.search.idle();
      } catch (err) {
        sync.error = String(err);
      } finally {
        Object.assign(sync, { running: false, done: true, endedMs: performance.now() });
      }
    })();
  },
  syncStatus: () => ({ ...sync }),
  async count() {
    const s = getActiveStore();
    if (!s) throw new Error('store not open');
    return { complaints: await s.db.complaints.count().exec(), events: await s.db.events.count().exec() };
  },
};

/** The session restored locally (offline), as a workstation restarts before any network; then the app's provider opens it. */
async function start(me: SessionUser): Promise<void> {
  const ws = await openWorkstationStore({ platform, databaseName: DB_NAME, breachWatcher: false });
  await ws.meta.set('session.current', { user: me, offline: true });
  // As App does before the shell shows: the drafts are read with the workstation's key, then sealed at every keystroke.
  await openDrafts(ws.atRest);
  await ws.close();
  initI18n('zh-CN');
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <DataProvider platform={platform} databaseName={DB_NAME}>
      <IntakeScreen user={me} />
    </DataProvider>,
  );
}

(window as unknown as { hdTyping: typeof api; hdTypingStart: typeof start }).hdTyping = api;
(window as unknown as { hdTypingStart: typeof start }).hdTypingStart = start;
document.title = 'ready';
