import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { openDatabase } from '../renderer/data/db';
import { localMeta } from '../renderer/data/local-meta';
import { createProjector } from '../renderer/data/projection/projector';
import { toComplaintDoc } from '../renderer/data/projection/complaint-doc';
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
import { databaseUrl, dropSchema, freshSchemaName } from './lib/pg-schema';
import { startServerProcess } from './lib/server-process';
import { summarize } from './lib/stats';
import { formatNumber, renderTable } from './lib/table';
import { loadPeerDocuments, startPouchdbServer } from './peer/peer-process';
import { profileInProcess } from './lib/inprocess-profile';
import { hotSpots } from './lib/cpuprofile-summary';

/**
 * Benchmark 1: a fresh client's initial sync. Ours: the renderer's event
 * replication pulls every event from our server (PostgreSQL) and the
 * projector folds them into the queue's complaint documents. The classic
 * peer: RxDB's CouchDB replication pulls the same complaints, already as
 * those complaint documents, from pouchdb-server (in memory). Same client
 * storage (RxDB storage-memory), same batch size, same run, alternating.
 */

const context = { policy: defaultPolicy, calendar: defaultCalendar() };

async function oursOnce(url: string, director: Session, expectedEvents: number, expectedComplaints: number, batch: number, run: number) {
  const start = performance.now();
  const db = await openDatabase({ name: `bench-ours-${run}-${Date.now()}`, storage: getRxStorageMemory() });
  const meta = localMeta(db.local);
  const projector = createProjector(db, meta, () => context);
  await projector.start();
  const api = createApi({ baseUrl: async () => url, token: () => director.token });
  const replication = startEventReplication({ collection: db.events, api, serverUrl: url, userId: director.user.id, pullBatchSize: batch });
  await replication.awaitInitialReplication();
  const eventsMs = performance.now() - start;
  await projector.idle();
  const readyMs = performance.now() - start;
  const events = await db.events.count().exec();
  const complaints = await db.complaints.count().exec();
  await replication.cancel();
  projector.stop();
  await db.remove();
  if (events !== expectedEvents || complaints !== expectedComplaints) {
    throw new Error(`ours synced ${events}/${expectedEvents} events, ${complaints}/${expectedComplaints} complaints`);
  }
  return { eventsMs, readyMs };
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
  const batch = Number(args.flags.get('batch') ?? '200');
  const url = databaseUrl();
  const schema = freshSchemaName('bench_sync');
  const server = await startServerProcess({ databaseUrl: url, databaseSchema: schema, env: { DEADLINE_WATCH_MS: '0' } });
  const peer = await startPouchdbServer();
  try {
    const actors = await demoActors(server.url);
    const data = generateDataset({ seed: 2026, complaints, branches: actors.branches, endMs: Date.now() - 120_000 });
    const seedStart = performance.now();
    const seeded = await seedEvents(server.url, actors.byActor, seedOrder(data.complaints.map((c) => c.events)));
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

    const ours: { eventsMs: number; readyMs: number }[] = [];
    const theirs: number[] = [];
    // Warm-up of both paths (JIT, connection pools), not counted.
    await oursOnce(server.url, actors.director, totalEvents, complaints, batch, -1);
    await peerOnce(peer.url, complaints, batch, -1);
    for (let r = 0; r < runs; r++) {
      ours.push(await oursOnce(server.url, actors.director, totalEvents, complaints, batch, r));
      theirs.push(await peerOnce(peer.url, complaints, batch, r));
    }
    const profileSections: string[] = [];
    if (args.flags.get('profile') === 'true') {
      // One more run of ours under the profiler, with the server's own profile of its pull handling.
      const { profile } = await profileInProcess(() => oursOnce(server.url, actors.director, totalEvents, complaints, batch, 99));
      const show = (title: string, spots: ReturnType<typeof hotSpots>) =>
        `${title}:\n\n${renderTable(['where', 'self ms', 'share'], spots.map((h) => [h.name, formatNumber(h.selfMs), `${(h.share * 100).toFixed(1)} %`]))}`;
      profileSections.push(show('CPU profile of the client process during one of our initial syncs (self time by code origin)', hotSpots(profile, 12, 'origin')));
      profileSections.push(show('Same profile, top functions', hotSpots(profile, 12, 'function')));
    }
    const o = summarize(ours.map((x) => x.readyMs));
    const oe = summarize(ours.map((x) => x.eventsMs));
    const t = summarize(theirs);
    const table = renderTable(
      ['client', 'what is pulled', 'median s', 'p95 s', 'ratio to peer (median)'],
      [
        ['ours: events replicated', `${totalEvents} events (${eventsMb} MB JSON)`, formatNumber(oe.median / 1000, 2), formatNumber(oe.p95 / 1000, 2), (oe.median / t.median).toFixed(2)],
        ['ours: events + queue projections ready', `same, folded into ${complaints} complaint docs`, formatNumber(o.median / 1000, 2), formatNumber(o.p95 / 1000, 2), (o.median / t.median).toFixed(2)],
        ['peer: RxDB CouchDB replication ← pouchdb-server', `${complaints} complaint docs (${payloadMb} MB JSON)`, formatNumber(t.median / 1000, 2), formatNumber(t.p95 / 1000, 2), '1.00'],
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
