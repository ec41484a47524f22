import { bootstrapPageSchema, type BootstrapPage } from '../../../shared/protocol/bootstrap';
import type { EventsCollection } from '../db';
import type { LocalMeta } from '../local-meta';
import { fromStoredEvent } from '../projection/event-conversion';
import type { FirstSyncProgress } from '../types/sync';
import type { Api } from './api';
import { BOOTSTRAP_RETRY_DELAYS_MS, retryTransient } from './transient-retry';

/** Where a bootstrap stands, saved after every page so a restart resumes it. */
interface Saved {
  upTo: number;
  after: string | null;
  done: boolean;
  complaints: number;
  events: number;
  total: { complaints: number; events: number } | null;
}

export const BOOTSTRAP_KEY = 'sync.bootstrap';
/** Complaints per page: about 5,500 events a request. */
export const BOOTSTRAP_PAGE = 1000;
/**
 * Complaints per bulk write (and pass of the projector): the writes run on
 * the window's main thread, and a keystroke that arrives during one waits for
 * its end, so a page is written in slices with a pause for input between.
 */
export const BOOTSTRAP_SLICE = 100;

export interface BootstrapOptions {
  api: Api;
  events: EventsCollection;
  meta: LocalMeta;
  now: () => number;
  pageSize?: number;
  /** Complaints per bulk write (BOOTSTRAP_SLICE). */
  sliceSize?: number;
  /** Holds the search index's writes until the bootstrap ends (search-index.ts `hold`). */
  index?: { hold(): Promise<void>; release(): Promise<void> };
  onProgress?(p: FirstSyncProgress | null): void;
  /** Resolves when what a page wrote is folded (the projector), so progress counts ready complaints. */
  settled?(): Promise<void>;
  /** The server's events of each page, before they are written (the clock observes their stamps). */
  onDocuments?(docs: readonly { hlc: string }[]): void;
  /** Called after each page is written (tests write on the server meanwhile). */
  afterPage?(): Promise<void>;
  isStopped?(): boolean;
  /** Waits before asking a failed page again (transient-retry.ts); default BOOTSTRAP_RETRY_DELAYS_MS. */
  retryDelaysMs?: readonly number[];
}

/**
 * The first sync of an empty replica (shared/protocol/bootstrap.ts): pages of
 * complaints with all their events, written in bulk, so the projector folds
 * and writes each complaint once instead of rewriting it for every pull page
 * that touches it. Answers the feed position the ordinary pull continues
 * from, or null when this replica already pulled (or wrote nothing but its
 * own pending events and a bootstrap never started: then it is empty of the
 * server's events and is bootstrapped too). Local intake goes on meanwhile:
 * it only writes pending events, which the replication pushes once started.
 */
export async function runBootstrap(o: BootstrapOptions): Promise<number | null> {
  const saved = await o.meta.get<Saved>(BOOTSTRAP_KEY);
  if (saved?.done) return saved.upTo;
  if (!saved) {
    const fromServer = await o.events.count({ selector: { status: { $ne: 'pending' } } }).exec();
    if (fromServer > 0) return null;
  }
  await o.index?.hold();
  try {
    return await writePages(o, saved);
  } finally {
    await o.index?.release();
  }
}

async function writePages(o: BootstrapOptions, resumed: Saved | null): Promise<number | null> {
  let saved = resumed;
  const started = o.now();
  const startedWith = saved?.events ?? 0;
  const limit = o.pageSize ?? BOOTSTRAP_PAGE;
  const slice = o.sliceSize ?? BOOTSTRAP_SLICE;
  const fetchPage = async (upTo: number | undefined, after: string | null): Promise<BootstrapPage> => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (upTo !== undefined) q.set('upTo', String(upTo));
    if (after) q.set('after', after);
    // A page lost to a dropped link or a restarting server is asked again: giving up would drop a
    // first sync of 100,000 complaints for the ordinary pull from the start.
    const answer = await retryTransient(() => o.api.json<unknown>('GET', `/api/sync/bootstrap?${q.toString()}`), {
      delaysMs: o.retryDelaysMs ?? BOOTSTRAP_RETRY_DELAYS_MS,
      isStopped: o.isStopped,
    });
    return bootstrapPageSchema.parse(answer);
  };
  let ahead: Promise<BootstrapPage> | null = null;
  for (;;) {
    if (o.isStopped?.()) return null;
    const page: BootstrapPage = await (ahead ?? fetchPage(saved?.upTo, saved?.after ?? null));
    // The server prepares the next page while this one is written.
    ahead = page.next === null ? null : fetchPage(page.upTo, page.next);
    ahead?.catch(() => undefined);
    const total = saved?.total ?? page.total;
    let complaints = saved?.complaints ?? 0;
    let events = saved?.events ?? 0;
    for (let i = 0; i < Math.max(page.complaints.length, 1); i += slice) {
      const part = page.complaints.slice(i, i + slice);
      const docs = [...(i === 0 ? page.rejected : []), ...part.flatMap((c) => c.events)].map(fromStoredEvent);
      await writeSlice(o, docs);
      complaints += part.length;
      events += docs.length;
      if (page.next !== null || i + slice < page.complaints.length) {
        o.onProgress?.(progressOf({ complaints, events, total }, started, startedWith, o.now()));
        await pauseForInput();
      }
    }
    saved = { upTo: page.upTo, after: page.next, done: page.next === null, complaints, events, total };
    await o.meta.set(BOOTSTRAP_KEY, saved);
    await o.afterPage?.();
    o.onProgress?.(saved.done ? null : progressOf(saved, started, startedWith, o.now()));
    if (saved.done) return saved.upTo;
  }
}

async function writeSlice(o: BootstrapOptions, docs: ReturnType<typeof fromStoredEvent>[]): Promise<void> {
  o.onDocuments?.(docs);
  if (docs.length) {
    const { error } = await o.events.bulkInsert(docs);
    // A conflict is an event already here (a resumed page): the stored copy stays, as a pull would leave it.
    const real = error.filter((e) => e.status !== 409);
    if (real.length) throw new Error(`first sync: ${real.length} events not stored`);
  }
  await o.settled?.();
}

/** Lets input and rendering waiting for the main thread run before the next slice. */
function pauseForInput(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Complaints and events so far, and the time left at this run's rate of events. */
export function progressOf(s: Pick<Saved, 'complaints' | 'events' | 'total'>, startedMs: number, startedWithEvents: number, nowMs: number): FirstSyncProgress {
  const total = s.total ?? { complaints: 0, events: 0 };
  const done = s.events - startedWithEvents;
  const left = Math.max(0, total.events - s.events);
  const elapsed = nowMs - startedMs;
  return {
    complaints: s.complaints,
    events: s.events,
    totalComplaints: total.complaints,
    totalEvents: total.events,
    msLeft: done > 0 && elapsed > 0 ? Math.round((left * elapsed) / done) : null,
  };
}
