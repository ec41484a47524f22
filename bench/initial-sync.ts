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

async function peerOnce(peerUrl: string, expected: number, batch: number, run: number) {
  const start = performance.now();
  const db: RxDatabase = await createRxDatabase({ name: `bench-peer-${run}-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ complaints: { schema: complaintsSchema } });
  const collection = db.collections.complaints;
  if (!collection) throw new Error('no collection');
  const replication = replicateCouchDB({
    replicationIdentifier: `peer-${run}`,
    collection,
    url: `${peerUrl}/complaints/`,
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

export async function runInitialSync(args: BenchArgs): Promise<BenchResult> {
  const complaints = args.quick ? 1000 : 10_000;
  const runs = args.runs ?? (args.quick ? 2 : 3);
  const asked = args.flags.get('batch');
  const batchFlag = asked === undefined ? undefined : Number(asked);
  const url = databaseUrl();
  const schema = freshSchemaName('bench_sync');
  const server = await startServerProcess({ databaseUrl: url, databaseSchema: schema, env: { DEADLINE_WATCH_MS: '0' } });
  const peer = await startPouchdbServer();
  try {
    const actors = await demoActors(server.url);
    const data = generateDataset({ seed: 2026, complaints, branches: actors.branches, endMs: Date.now() - 120_000 });
    const seedStart = performance.now();
    const ordered = seedOrder(data.complaints.map((c) => c.events));
    const seeded = await seedEvents(server.url, actors.byActor, ordered);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const peerDocs = data.complaints.map((c) => {
      const p = fold(c.events, context);
      if (!p) throw new Error(`fold of ${c.number} gave nothing`);
      const { id, ...rest } = toComplaintDoc(p);
      return { _id: id, ...rest };
    });
    await loadPeerDocuments(peer.url, 'complaints', peerDocs);
    const totalEvents = data.events.length;
    const payloadMb = (JSON.stringify(peerDocs).length / 2 ** 20).toFixed(1);
    const eventsMb = (JSON.stringify(data.events).length / 2 ** 20).toFixed(1);

    const rows = pulledRows(ordered);
    const base = { url: server.url, director: actors.director, expectedEvents: totalEvents, batch: batchFlag };
    const ours: { eventsMs: number; readyMs: number }[] = [];
    const replicationOnly: number[] = [];
    const storeOnly: number[] = [];
    const theirs: number[] = [];
    // Warm-up of every path (JIT, connection pools), not counted; it also reads the batch size our client used.
    const { batch } = await oursOnce({ ...base, expectedComplaints: complaints, run: -1 });
    await oursOnce({ ...base, expectedComplaints: 0, run: -1 });
    await storeOnce(rows, batch, -1);
    await peerOnce(peer.url, complaints, batch, -1);
    for (let r = 0; r < runs; r++) {
      ours.push(await oursOnce({ ...base, expectedComplaints: complaints, run: r }));
      replicationOnly.push((await oursOnce({ ...base, expectedComplaints: 0, run: r })).eventsMs);
      storeOnly.push(await storeOnce(rows, batch, r));
      theirs.push(await peerOnce(peer.url, complaints, batch, r));
    }
    const profileSections: string[] = [];
    if (args.flags.get('profile') === 'true') {
      // One more run of ours under the profiler, with the server's own profile of its pull handling.
      const { profile } = await profileInProcess(() => oursOnce({ ...base, expectedComplaints: complaints, run: 99 }));
      profileSections.push(hotSpotTable('CPU profile of the client process during one of our initial syncs (self time by code origin)', 'where', hotSpots(profile, 12, 'origin')));
      profileSections.push(hotSpotTable('Same profile, top functions', 'where', hotSpots(profile, 12, 'function')));
    }
    const o = summarize(ours.map((x) => x.readyMs));
    const oe = summarize(ours.map((x) => x.eventsMs));
    const t = summarize(theirs);
    const ro = summarize(replicationOnly);
    const so = summarize(storeOnly);
    const row = (client: string, what: string, s: { median: number; p95: number }) => [
      client,
      what,
      formatNumber(s.median / 1000, 2),
      formatNumber(s.p95 / 1000, 2),
      (s.median / t.median).toFixed(2),
    ];
    const table = renderTable(
      ['client', 'what is pulled', 'median s', 'p95 s', 'ratio to peer (median)'],
      [
        row('ours: events replicated', `${totalEvents} events (${eventsMb} MB JSON)`, oe),
        row('ours: events + queue projections ready', `same, folded into ${complaints} complaint docs`, o),
        row('peer: RxDB CouchDB replication ← pouchdb-server', `${complaints} complaint docs (${payloadMb} MB JSON)`, t),
        row('bound: our replication alone, no projector', `the same ${totalEvents} events`, ro),
        row('bound: RxDB alone stores the events (bulkInsert)', `the same ${totalEvents} events, no network, no fold`, so),
      ],
    );
    return {
      name: 'initial-sync',
      title: `Initial sync of ${complaints} complaints (${totalEvents} events), ${runs} alternating runs, pull batch ${batch}, RxDB storage-memory in Node`,
      sections: [
        table,
        ...profileSections,
        `Seeding our server took ${seedSeconds.toFixed(1)} s through push (${seeded.pushed} events, ${seeded.conflicts} conflicts); the peer was loaded with _bulk_docs.`,
      ],
      goals: [{ goal: 'initial sync ≤ 1/3 of the peer’s time', measured: `${(o.median / t.median).toFixed(2)} × the peer (events + projections)`, met: o.median <= t.median / 3 }],
    };
  } finally {
    await peer.stop();
    await server.stop();
    await dropSchema(url, schema);
  }
}
