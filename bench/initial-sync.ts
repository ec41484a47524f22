import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { openDatabase } from '../renderer/data/db';
import { localMeta } from '../renderer/data/local-meta';
import { createProjector } from '../renderer/data/projection/projector';
import { toComplaintDoc } from '../renderer/data/projection/complaint-doc';
import { fromStoredEvent } from '../renderer/data/projection/event-conversion';
import type { EventDoc } from '../renderer/data/schema/events-schema';
import type { EventEnvelope } from '../shared/events/envelope';
import { createApi } from '../renderer/data/sync/api';
import { startEventReplication } from '../renderer/data/sync/replication';
import { runBootstrap } from '../renderer/data/sync/bootstrap';
import { complaintsSchema } from '../renderer/data/schema/complaints-schema';
import { fold } from '../shared/fold/fold';
import { defaultPolicy } from '../shared/policy/policy';
import { defaultCalendar } from '../shared/calendar/calendar';
import { generateDataset } from '../test/fixtures/complaint-dataset';
import { seedEvents, seedOrder, type Session } from './lib/api-client';
import type { BenchArgs } from './lib/args';
import type { BenchResult } from './lib/bench-result';
import { demoActors } from './lib/demo-actors';
import { databaseUrl, dropSchema, freshSchemaName } from '../server/test-support/pg-schema';
import { startServerProcess } from './lib/server-process';
import { summarize } from './lib/stats';
import { formatNumber, renderTable } from './lib/table';
import { loadPeerDocuments, startPouchdbServer } from './peer/peer-process';
import { profileInProcess } from './lib/inprocess-profile';
import { hotSpots } from './lib/cpuprofile-summary';
import { hotSpotTable } from './lib/hot-spot-table';

/**
 * Benchmark 1: a fresh client's initial sync. Ours: the renderer's event
 * replication pulls every event from our server (PostgreSQL) and the
 * projector folds them into the queue's complaint documents. The classic
 * peer: RxDB's CouchDB replication pulls the same complaints, already as
 * those complaint documents, from pouchdb-server (in memory). Same client
 * storage (RxDB storage-memory), same batch size (our client's default
 * unless --batch is given), same run, alternating. Two bounds run beside
 * them: our replication with no projector, and RxDB alone storing the same
 * events (no network, no fold).
 */

const context = { policy: defaultPolicy, calendar: defaultCalendar() };

interface OursOptions {
  url: string;
  director: Session;
  expectedEvents: number;
  /** 0 runs no projector: the replication alone. */
  expectedComplaints: number;
  /** Undefined: the client's own default. */
  batch: number | undefined;
  run: number;
}

async function oursOnce(o: OursOptions) {
  const start = performance.now();
  const db = await openDatabase({ name: `bench-ours-${o.run}-${Date.now()}`, storage: getRxStorageMemory() });
  const meta = localMeta(db.local);
  const projector = createProjector(db, meta, () => context);
  if (o.expectedComplaints > 0) await projector.start();
  const api = createApi({ baseUrl: async () => o.url, token: () => o.director.token });
  const replication = startEventReplication({
    collection: db.events,
    api,
    serverUrl: o.url,
    userId: o.director.user.id,
    ...(o.batch === undefined ? {} : { pullBatchSize: o.batch }),
  });
  await replication.awaitInitialReplication();
  const eventsMs = performance.now() - start;
  await projector.idle();
  const readyMs = performance.now() - start;
  const batch = replication.pull?.batchSize ?? 0;
  const events = await db.events.count().exec();
  const complaints = await db.complaints.count().exec();
  await replication.cancel();
  projector.stop();
  await db.remove();
  if (events !== o.expectedEvents || complaints !== o.expectedComplaints) {
    throw new Error(`ours synced ${events}/${o.expectedEvents} events, ${complaints}/${o.expectedComplaints} complaints`);
  }
  return { eventsMs, readyMs, batch };
}

/**
 * Ours by the bootstrap (renderer/data/sync/bootstrap.ts, as the sync
 * controller runs it for an empty replica): pages of complaints with all
 * their events from `GET /api/sync/bootstrap`, each page one bulk write that
 * the projector folds before the next page is asked.
 */
async function bootstrapOnce(o: OursOptions) {
  const start = performance.now();
  const db = await openDatabase({ name: `bench-boot-${o.run}-${Date.now()}`, storage: getRxStorageMemory() });
  const meta = localMeta(db.local);
  const projector = createProjector(db, meta, () => context);
  await projector.start();
  const api = createApi({ baseUrl: async () => o.url, token: () => o.director.token });
  const upTo = await runBootstrap({ api, events: db.events, meta, now: Date.now, settled: () => projector.idle() });
  await projector.idle();
  const readyMs = performance.now() - start;
  const events = await db.events.count().exec();
  const complaints = await db.complaints.count().exec();
  projector.stop();
  await db.remove();
  if (upTo === null || events !== o.expectedEvents || complaints !== o.expectedComplaints) {
    throw new Error(`bootstrap synced ${events}/${o.expectedEvents} events, ${complaints}/${o.expectedComplaints} complaints (up to ${upTo})`);
  }
  return readyMs;
}

/** Histories split among writers that push side by side; each complaint's events stay in order within its writer. */
async function seedConcurrently(url: string, byActor: Parameters<typeof seedEvents>[1], histories: readonly (readonly EventEnvelope[])[], writers: number) {
  const groups = Array.from({ length: writers }, (_, w) => seedOrder(histories.filter((_, i) => i % writers === w)));
  const results = await Promise.all(groups.map((g) => seedEvents(url, byActor, g)));
  return { pushed: results.reduce((n, r) => n + r.pushed, 0), conflicts: results.reduce((n, r) => n + r.conflicts, 0) };
}

/** RxDB alone: the same events as pulled rows, written page by page into storage-memory. */
async function storeOnce(docs: readonly EventDoc[], batch: number, run: number) {
  const pages: EventDoc[][] = [];
  for (let i = 0; i < docs.length; i += batch) pages.push(structuredClone(docs.slice(i, i + batch)));
  const start = performance.now();
  const db = await openDatabase({ name: `bench-store-${run}-${Date.now()}`, storage: getRxStorageMemory() });
  for (const page of pages) await db.events.bulkInsert(page);
  const ms = performance.now() - start;
  const count = await db.events.count().exec();
  await db.remove();
  if (count !== docs.length) throw new Error(`stored ${count}/${docs.length} events`);
  return ms;
}

/** The events as the server's pull returns them, in its order. */
function pulledRows(events: readonly EventEnvelope[]): EventDoc[] {
  return events.map((e, i) => {
    const { _deleted: _d, ...doc } = fromStoredEvent({ ...e, status: 'accepted', seq: i + 1, receivedAt: e.occurredAt });
    return doc;
  });
}

async function peerOnce(dbUrl: string, expected: number, batch: number, run: number) {
  const start = performance.now();
  const db: RxDatabase = await createRxDatabase({ name: `bench-peer-${run}-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ complaints: { schema: complaintsSchema } });
  const collection = db.collections.complaints;
  if (!collection) throw new Error('no collection');
  const replication = replicateCouchDB({
    replicationIdentifier: `peer-${run}`,
    collection,
    url: `${dbUrl}/`,
    live: false,
    waitForLeadership: false,
    pull: { batchSize: batch },
  });
  await replication.awaitInitialReplication();
  const ms = performance.now() - start;
  const count = await collection.count().exec();
  await replication.cancel();
  await db.remove();
  if (count !== expected) throw new Error(`peer synced ${count}/${expected} complaints`);
  return ms;
}

/** Above this many complaints a tier times only the bootstrap and the peer: pulling event by event takes minutes a run there. */
const FULL_ROWS_UP_TO = 10_000;

interface TierResult {
  complaints: number;
  events: number;
  ratio: number;
  sections: string[];
}

async function runTier(args: BenchArgs, complaints: number, peerUrl: string, warm: boolean): Promise<TierResult> {
  const url = databaseUrl();
  const schema = freshSchemaName('bench_sync');
  const server = await startServerProcess({ databaseUrl: url, databaseSchema: schema, env: { DEADLINE_WATCH_MS: '0' } });
  try {
    return await timeTier(args, complaints, peerUrl, warm, server.url);
  } catch (err) {
    // A tier that fails at the network level (server crashed, out of memory, closed the socket) says why only in the server's own output.
    console.error(`\n(initial sync, ${complaints.toLocaleString('en-US')} complaints, failed; the server's output ends with)\n${server.output().slice(-3000)}\n(server ${server.child.exitCode === null && server.child.signalCode === null ? 'still running' : `exited: code ${server.child.exitCode}, signal ${server.child.signalCode}`})\n`);
    console.error(`(the failure's causes: ${causes(err)})`);
    throw err;
  } finally {
    await server.stop();
    await dropSchema(url, schema);
  }
}

/** An error's chain of causes, as undici's "fetch failed" keeps the socket's own error there. */
function causes(err: unknown): string {
  const parts: string[] = [];
  for (let e = err, i = 0; e instanceof Error && i < 5; e = e.cause, i++) parts.push(`${e.name}: ${e.message}${'code' in e ? ` [${String(e.code)}]` : ''}`);
  return parts.join(' ← ');
}

async function timeTier(args: BenchArgs, complaints: number, peerUrl: string, warm: boolean, serverUrl: string): Promise<TierResult> {
  const fullRows = complaints <= FULL_ROWS_UP_TO;
  const runs = args.runs ?? (args.quick ? 2 : fullRows ? 3 : 2);
  const asked = args.flags.get('batch');
  const batchFlag = asked === undefined ? undefined : Number(asked);
  const actors = await demoActors(serverUrl);
  const data = generateDataset({ seed: 2026, complaints, branches: actors.branches, endMs: Date.now() - 120_000 });
  const seedStart = performance.now();
  const histories = data.complaints.map((c) => c.events);
  const seeded = await seedConcurrently(serverUrl, actors.byActor, histories, SEED_WRITERS);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const peerDocs = data.complaints.map((c) => {
    const p = fold(c.events, context);
    if (!p) throw new Error(`fold of ${c.number} gave nothing`);
    const { id, ...rest } = toComplaintDoc(p);
    return { _id: id, ...rest };
  });
  const peerDb = `complaints-${complaints}`;
  await loadPeerDocuments(peerUrl, peerDb, peerDocs);
  const peerDbUrl = `${peerUrl}/${peerDb}`;
  const totalEvents = data.events.length;
  const payloadMb = (JSON.stringify(peerDocs).length / 2 ** 20).toFixed(1);
  const eventsMb = (JSON.stringify(data.events).length / 2 ** 20).toFixed(1);
  peerDocs.length = 0;

  const rows = fullRows ? pulledRows(seedOrder(histories)) : [];
  const base = { url: serverUrl, director: actors.director, expectedEvents: totalEvents, expectedComplaints: complaints, batch: batchFlag };
  const ours: { eventsMs: number; readyMs: number }[] = [];
  const boot: number[] = [];
  const replicationOnly: number[] = [];
  const storeOnly: number[] = [];
  const theirs: number[] = [];
  // The batch our client pulls with; the peer pulls with the same.
  let batch = batchFlag ?? 1000;
  if (warm) {
    // Warm-up of every path (JIT, connection pools), not counted; it also reads the batch size our client used.
    batch = (await oursOnce({ ...base, run: -1 })).batch;
    await oursOnce({ ...base, expectedComplaints: 0, run: -1 });
    await bootstrapOnce({ ...base, run: -1 });
    await storeOnce(rows, batch, -1);
    await peerOnce(peerDbUrl, complaints, batch, -1);
  }
  for (let r = 0; r < runs; r++) {
    boot.push(await bootstrapOnce({ ...base, run: r }));
    theirs.push(await peerOnce(peerDbUrl, complaints, batch, r));
    if (!fullRows) continue;
    ours.push(await oursOnce({ ...base, run: r }));
    replicationOnly.push((await oursOnce({ ...base, expectedComplaints: 0, run: r })).eventsMs);
    storeOnly.push(await storeOnce(rows, batch, r));
  }
  const profileSections: string[] = [];
  if (args.flags.get('profile') === 'true') {
    // One more bootstrap under the profiler.
    const { profile } = await profileInProcess(() => bootstrapOnce({ ...base, run: 99 }));
    profileSections.push(hotSpotTable(`CPU profile of the client process during one bootstrap of ${complaints} complaints (self time by code origin)`, 'where', hotSpots(profile, 12, 'origin')));
    profileSections.push(hotSpotTable('Same profile, top functions', 'where', hotSpots(profile, 12, 'function')));
  }
  const t = summarize(theirs);
  const b = summarize(boot);
  const row = (client: string, what: string, x: { median: number; p95: number }) => [
    client,
    what,
    formatNumber(x.median / 1000, 2),
    formatNumber(x.p95 / 1000, 2),
    (x.median / t.median).toFixed(2),
  ];
  const tableRows = [
    row('ours: bootstrap, events + queue projections ready', `${totalEvents} events (${eventsMb} MB JSON), complaint by complaint, folded into ${complaints} complaint docs`, b),
    row('peer: RxDB CouchDB replication ← pouchdb-server', `${complaints} complaint docs (${payloadMb} MB JSON)`, t),
  ];
  if (fullRows) {
    tableRows.push(
      row('ours: pull, events replicated', `${totalEvents} events in feed order`, summarize(ours.map((x) => x.eventsMs))),
      row('ours: pull, events + queue projections ready', 'same, folded', summarize(ours.map((x) => x.readyMs))),
      row('bound: our pull replication alone, no projector', `the same ${totalEvents} events`, summarize(replicationOnly)),
      row('bound: RxDB alone stores the events (bulkInsert)', `the same ${totalEvents} events, no network, no fold`, summarize(storeOnly)),
    );
  }
  const table = renderTable(['client', 'what is synced', 'median s', 'p95 s', 'ratio to peer (median)'], tableRows);
  return {
    complaints,
    events: totalEvents,
    ratio: b.median / t.median,
    sections: [
      `### ${complaints.toLocaleString('en-US')} complaints (${totalEvents.toLocaleString('en-US')} events), ${runs} alternating runs, batch ${batch}${warm ? ', after a warm-up of each path' : ''}\n\n${table}`,
      ...profileSections,
      `Seeding our server took ${seedSeconds.toFixed(1)} s through push (${seeded.pushed} events by ${SEED_WRITERS} writers side by side, ${seeded.conflicts} conflicts); the peer was loaded with _bulk_docs.${fullRows ? '' : ' At this size only the bootstrap and the peer are timed.'}`,
    ],
  };
}

/** Writers that seed the server side by side. */
const SEED_WRITERS = 4;

export async function runInitialSync(args: BenchArgs): Promise<BenchResult> {
  const tiers = (args.flags.get('complaints') ?? (args.quick ? '1000' : '10000,100000')).split(',').map(Number);
  const peer = await startPouchdbServer();
  try {
    const results: TierResult[] = [];
    for (const [i, n] of tiers.entries()) {
      const tier = await runTier(args, n, peer.url, i === 0);
      results.push(tier);
      // Printed as each tier ends, so a failure in a later (larger) tier keeps the earlier figures.
      if (tiers.length > 1) console.log(`\n(initial sync, ${n.toLocaleString('en-US')} complaints, as it finished)\n\n${tier.sections.join('\n\n')}\n`);
    }
    const summary = renderTable(
      ['complaints', 'events', 'bootstrap / peer (median)'],
      results.map((r) => [r.complaints, r.events, r.ratio.toFixed(2)]),
    );
    const [first, ...rest] = results as [TierResult, ...TierResult[]];
    return {
      name: 'initial-sync',
      title: `Initial sync of an empty replica: bootstrap against the PouchDB peer (RxDB storage-memory in Node, ${tiers.map((n) => n.toLocaleString('en-US')).join(' and ')} complaints)`,
      sections: [summary, ...results.flatMap((r) => r.sections)],
      goals: [
        { goal: `bootstrap ≤ 1/3 of the peer’s time at ${first.complaints.toLocaleString('en-US')} complaints`, measured: `${first.ratio.toFixed(2)} × the peer`, met: first.ratio <= 1 / 3 },
        ...rest.map((r) => ({
          goal: `bootstrap/peer ratio at ${r.complaints.toLocaleString('en-US')} no worse than at ${first.complaints.toLocaleString('en-US')}`,
          measured: `${r.ratio.toFixed(2)} against ${first.ratio.toFixed(2)}`,
          met: r.ratio <= first.ratio,
        })),
      ],
    };
  } finally {
    await peer.stop();
  }
}
