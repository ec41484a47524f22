/**
 * The cost of keeping personal data at rest encrypted (issue #11): the same
 * workload on the workstation's real data layer (storage-memory in Node,
 * under the app's own sealed storage) opened once with a data key (fields
 * sealed, search index and phone lookup keyed) and once without (the
 * no-keychain path: clear), side by side. Times the commands' writes, the
 * projector refolding every complaint, a search index rebuild and searches
 * by kind. Storage-memory leaves out IndexedDB's own cost, so the ratios
 * show the cipher and the keyed index, not the desktop's total.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { bindCommands } from '../../renderer/data/commands';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore, type DataStore } from '../../renderer/data/store';
import { createSearchIndex, INDEX_VERSION_KEY } from '../../renderer/data/search/search-index';
import type { SessionUser } from '../../renderer/data/types/session';
import type { BenchArgs } from '../lib/args';
import type { BenchResult } from '../lib/bench-result';
import { summarize } from '../lib/stats';
import { formatNumber, renderTable, type Cell } from '../lib/table';
import { workloadComplaint } from './workload';

const AGENT: SessionUser = { id: 'u-agent-gz', username: 'agent.gz', displayName: 'Agent GZ', role: 'agent', branchId: 'gz', teamId: 't-gz-1' };
/** Searches timed per kind (each a different complaint's value). */
const SEARCHES = 200;

type Variant = 'encrypted' | 'clear';

interface Measured {
  atRest: string;
  commands: number;
  writesPerS: number;
  foldPerS: number;
  rebuildMs: number;
  search: Record<SearchKind, { p50: number; p95: number; hits: number }>;
}

const KINDS = ['number', 'phone (4+ digits)', 'name', 'description (2+ characters)'] as const;
type SearchKind = (typeof KINDS)[number];

/** Opens a workstation as the app does, signed in as the agent offline: with the platform's data key, or with no keychain. */
async function openStore(variant: Variant): Promise<{ store: DataStore; close(): Promise<void> }> {
  const { getDataKey, ...noKeychain } = memoryPlatform('http://127.0.0.1:9');
  const platform = variant === 'encrypted' ? { ...noKeychain, getDataKey } : noKeychain;
  const ws = await openWorkstationStore({
    platform,
    storage: getRxStorageMemory() as RxStorage<unknown, unknown>,
    databaseName: `bench-at-rest-${variant}-${process.pid}-${Date.now().toString(36)}`,
    breachWatcher: false,
    verifierIterations: 1000,
  });
  await ws.meta.set('session.current', { user: AGENT, offline: true });
  await ws.session.restore();
  const store = await ws.settled();
  if (!store) throw new Error('no store after restoring the session');
  return { store, close: () => ws.close() };
}

async function measure(variant: Variant, complaints: number, notes: number): Promise<Measured> {
  const { store, close } = await openStore(variant);
  try {
    if (store.atRest.kind !== variant) throw new Error(`opened ${store.atRest.kind}, wanted ${variant}`);
    const commands = bindCommands(() => store);
    const created: { id: string; number: string }[] = [];
    let written = 0;
    const writeStart = performance.now();
    for (let i = 0; i < complaints; i++) {
      const w = workloadComplaint(i);
      const r = await commands.createComplaint(w.intake);
      if (!r.ok) throw new Error(`complaint ${i} refused: ${r.error} ${r.message ?? ''}`);
      created.push({ id: r.complaintId, number: r.number });
      written++;
      for (const note of w.notes.slice(0, notes)) {
        const n = await commands.addNote(r.complaintId, note);
        if (!n.ok) throw new Error(`note on complaint ${i} refused: ${n.error}`);
        written++;
      }
    }
    await store.search.idle();
    const writeMs = performance.now() - writeStart;

    const foldStart = performance.now();
    await store.projector.refoldAll();
    await store.search.idle();
    const foldMs = performance.now() - foldStart;

    // A rebuild as at an opening that finds no usable index: the same collections, meta and codec.
    await store.userMeta.remove(INDEX_VERSION_KEY);
    const rebuildStart = performance.now();
    const rebuilt = createSearchIndex({ buckets: store.db.search, complaints: store.db.complaints, meta: store.userMeta, codec: store.search.codec });
    await rebuilt.idle();
    const rebuildMs = performance.now() - rebuildStart;
    if (rebuilt.size() !== complaints) throw new Error(`rebuilt index holds ${rebuilt.size()} of ${complaints} complaints`);
    rebuilt.stop();

    const search = {} as Measured['search'];
    for (const kind of KINDS) {
      const times: number[] = [];
      let hits = 0;
      for (let s = 0; s < SEARCHES; s++) {
        const i = Math.floor((s * complaints) / SEARCHES);
        const w = workloadComplaint(i);
        const query =
          kind === 'number'
            ? (created[i] as { number: string }).number
            : kind === 'phone (4+ digits)'
              ? w.intake.complainant.phone.slice(-5)
              : kind === 'name'
                ? w.intake.complainant.name
                : w.intake.description.slice(3, 7);
        const t = performance.now();
        const found = await store.search.search(query, 50);
        times.push(performance.now() - t);
        hits += found.length;
        // Every query is built from complaint i: not finding it would time a broken search.
        if (found.length === 0) throw new Error(`${variant}: ${kind} search ${JSON.stringify(query)} found nothing`);
      }
      const sum = summarize(times);
      search[kind] = { p50: sum.median, p95: sum.p95, hits: hits / SEARCHES };
    }
    return {
      atRest: variant === 'encrypted' ? 'encrypted (data key, keyed index)' : 'clear (no keychain)',
      commands: written,
      writesPerS: written / (writeMs / 1000),
      foldPerS: complaints / (foldMs / 1000),
      rebuildMs,
      search,
    };
  } finally {
    await close();
  }
}

const ratio = (e: number, c: number) => `${(e / c).toFixed(2)}×`;

export async function runAtRest(args: BenchArgs): Promise<BenchResult> {
  const complaints = Number(args.flags.get('complaints') ?? (args.quick ? 5000 : 20_000));
  // Quick writes one note a complaint, to stay under two minutes on a shared two-core machine.
  const notes = Number(args.flags.get('notes') ?? (args.quick ? 1 : 2));
  // A small untimed round of each first, so neither variant pays the process's warm-up alone.
  for (const v of ['clear', 'encrypted'] as const) await measure(v, 50, notes);
  const clear = await measure('clear', complaints, notes);
  const encrypted = await measure('encrypted', complaints, notes);
  const rows: Cell[][] = [
    [`commands written/s (create + ${notes} note${notes === 1 ? '' : 's'} each)`, formatNumber(clear.writesPerS), formatNumber(encrypted.writesPerS), ratio(encrypted.writesPerS, clear.writesPerS)],
    ['projector refold of every complaint (complaints/s)', formatNumber(clear.foldPerS), formatNumber(encrypted.foldPerS), ratio(encrypted.foldPerS, clear.foldPerS)],
    ['search index rebuild (s)', formatNumber(clear.rebuildMs / 1000, 2), formatNumber(encrypted.rebuildMs / 1000, 2), ratio(encrypted.rebuildMs, clear.rebuildMs)],
  ];
  for (const kind of KINDS) {
    const c = clear.search[kind];
    const e = encrypted.search[kind];
    rows.push([`search by ${kind}, p50 / p95 (ms)`, `${formatNumber(c.p50, 2)} / ${formatNumber(c.p95, 2)}`, `${formatNumber(e.p50, 2)} / ${formatNumber(e.p95, 2)}`, `${ratio(e.p50, c.p50)} / ${ratio(e.p95, c.p95)}`]);
  }
  const hitRows: Cell[][] = KINDS.map((k) => [k, formatNumber(clear.search[k].hits, 1), formatNumber(encrypted.search[k].hits, 1)]);
  return {
    name: 'at-rest',
    title: `Personal data at rest: encrypted against clear, ${complaints.toLocaleString('en-US')} complaints (${clear.commands.toLocaleString('en-US')} commands), storage-memory in Node`,
    sections: [
      renderTable(['measure', clear.atRest, encrypted.atRest, 'encrypted / clear'], rows),
      'Ratios are encrypted / clear: below 1 for a rate, or above 1 for a time, is what encryption costs.',
      `Searches: ${SEARCHES} per kind, each built from a different complaint; mean complaints found per search (limit 50):\n\n${renderTable(['kind', 'clear', 'encrypted'], hitRows)}`,
    ],
    goals: [],
  };
}
