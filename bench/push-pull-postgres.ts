import pg from 'pg';
import { canWrite } from '../shared/rules/permissions';
import type { EventEnvelope, StoredEvent } from '../shared/events/envelope';
import { generateSingleActorEvents } from '../test/fixtures/complaint-dataset';
import { login, pullEvents, pushEvents, type Session } from './lib/api-client';
import type { BenchArgs } from './lib/args';
import type { BenchResult, GoalCheck } from './lib/bench-result';
import { databaseUrl, dropSchema, freshSchemaName, postgresVersion } from '../server/test-support/pg-schema';
import { startServerProcess } from './lib/server-process';
import { summarize } from './lib/stats';
import { formatNumber, renderTable } from './lib/table';
import { serverProfileSections } from './lib/server-profile';
import { sampleActivity } from './lib/pg-activity';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Benchmark 3: the server's push and pull on PostgreSQL, beside a raw batched
 * INSERT of the same rows into a copy of the events table in the same
 * database: the physical limit the push path can approach.
 */

const BATCH = 100;
const PULL_PAGE = 1000;
const AGENTS = ['agent.gz', 'agent2.gz', 'agent.dg'];

interface WriteRun {
  writers: number;
  events: number;
  seconds: number;
  batchMs: number[];
  rejected: number;
}

async function runWriters(
  writers: readonly EventEnvelope[][],
  write: (writer: number, batch: EventEnvelope[]) => Promise<number>,
): Promise<WriteRun> {
  const batchMs: number[] = [];
  let rejected = 0;
  const start = performance.now();
  await Promise.all(
    writers.map(async (events, w) => {
      for (let i = 0; i < events.length; i += BATCH) {
        const t0 = performance.now();
        rejected += await write(w, events.slice(i, i + BATCH));
        batchMs.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { writers: writers.length, events: writers.reduce((s, e) => s + e.length, 0), seconds, batchMs, rejected };
}

function rawRow(e: EventEnvelope, pushedBy: string, receivedAt: string): unknown[] {
  return [e.id, e.complaintId, e.type, 'accepted', pushedBy, receivedAt, JSON.stringify(e)];
}

async function rawInsert(pool: pg.Pool, schema: string, batch: readonly EventEnvelope[]): Promise<void> {
  const receivedAt = new Date().toISOString();
  const values: unknown[] = [];
  const tuples = batch.map((e, i) => {
    values.push(...rawRow(e, e.actorId, receivedAt));
    const b = i * 7;
    return `($${b + 1}, nextval('${schema}.raw_seq'), $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
  });
  await pool.query(
    `insert into ${schema}.raw_events (id, seq, complaint_id, type, status, pushed_by, received_at, doc) values ${tuples.join(', ')}`,
    values,
  );
}

export async function runPushPullPostgres(args: BenchArgs): Promise<BenchResult> {
  const url = databaseUrl();
  const schema = freshSchemaName('bench_push');
  const perWriter: Record<number, number> = args.quick ? { 1: 2000, 4: 1000, 16: 400 } : { 1: 10_000, 4: 5000, 16: 2000 };
  const profileDir = args.flags.get('profile') === 'true' ? await mkdtemp(path.join(os.tmpdir(), 'hd-server-prof-')) : undefined;
  const server = await startServerProcess({ databaseUrl: url, databaseSchema: schema, env: { DEADLINE_WATCH_MS: '0' }, ...(profileDir ? { cpuProfileDir: profileDir } : {}) });
  let result: BenchResult | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 16, application_name: 'hd-bench-raw' });
  try {
    await pool.query(`create table ${schema}.raw_events (like ${schema}.events including all)`);
    await pool.query(`create sequence ${schema}.raw_seq`);
    const sessions: Session[] = [];
    for (let i = 0; i < 16; i++) sessions.push(await login(server.url, AGENTS[i % AGENTS.length] as string));
    const director = await login(server.url, 'director');
    const endMs = Date.now() - 60_000;

    const rows: (string | number)[][] = [];
    const activity = new Map<number, Map<string, number>>();
    const goals: GoalCheck[] = [];
    let writtenTotal = 0;
    for (const writerCount of [1, 4, 16]) {
      const writerEvents = Array.from({ length: writerCount }, (_, w) => {
        const session = sessions[w] as Session;
        return generateSingleActorEvents({
          seed: writerCount * 1000 + w,
          events: perWriter[writerCount] as number,
          actorId: session.user.id,
          branchId: session.user.branchId,
          endMs,
          workstation: writerCount * 100 + w,
          allow: (t) => canWrite('agent', t),
        });
      });
      const sampler = await sampleActivity(url);
      const ours = await runWriters(writerEvents, async (w, batch) => {
        const answer = await pushEvents(server.url, (sessions[w] as Session).token, batch);
        return answer.filter((d: StoredEvent) => d.status === 'rejected').length;
      });
      activity.set(writerCount, await sampler.stop());
      const raw = await runWriters(writerEvents, async (_w, batch) => {
        await rawInsert(pool, schema, batch);
        return 0;
      });
      writtenTotal += ours.events;
      const oursRate = ours.events / ours.seconds;
      const rawRate = raw.events / raw.seconds;
      const o = summarize(ours.batchMs);
      const r = summarize(raw.batchMs);
      rows.push([
        writerCount,
        ours.events,
        formatNumber(oursRate, 0),
        formatNumber(o.median),
        formatNumber(o.p95),
        formatNumber(rawRate, 0),
        formatNumber(r.median),
        formatNumber(r.p95),
        (oursRate / rawRate).toFixed(2),
        ours.rejected,
      ]);
      goals.push({ goal: `push ≥ 5,000 events/s with ${writerCount} writer(s)`, measured: `${formatNumber(oursRate, 0)} events/s`, met: oursRate >= 5000 });
      goals.push({ goal: `push ≥ 0.5 × raw INSERT with ${writerCount} writer(s)`, measured: `${(oursRate / rawRate).toFixed(2)} ×`, met: oursRate >= 0.5 * rawRate });
    }

    // Pull: a director (every branch) reads the whole feed from the start, page by page.
    const pageMs: number[] = [];
    let seq: number | null = null;
    let pulled = 0;
    const pullStart = performance.now();
    for (;;) {
      const t0 = performance.now();
      const page = await pullEvents(server.url, director.token, seq, PULL_PAGE);
      pageMs.push(performance.now() - t0);
      pulled += page.documents.length;
      if (page.checkpoint) seq = page.checkpoint.seq;
      if (page.documents.length < PULL_PAGE) break;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    const p = summarize(pageMs.slice(0, -1).length > 0 ? pageMs.slice(0, -1) : pageMs);

    const pushTable = renderTable(
      ['writers', 'events', 'push events/s', 'batch median ms', 'batch p95 ms', 'raw INSERT events/s', 'raw median ms', 'raw p95 ms', 'push / raw', 'rejected'],
      rows,
    );
    const pullTable = renderTable(
      ['pull page size', 'events pulled', 'pages', 'page median ms', 'page p95 ms', 'events/s'],
      [[PULL_PAGE, pulled, pageMs.length, formatNumber(p.median), formatNumber(p.p95), formatNumber(pulled / pullSeconds, 0)]],
    );
    const states = [...new Set([...activity.values()].flatMap((m) => [...m.keys()]))].sort();
    const activityTable = renderTable(
      ['server DB sessions during push: state', ...[...activity.keys()].map((w) => `${w} writer(s)`)],
      states.map((st) => [
        st,
        ...[...activity.values()].map((m) => {
          const total = [...m.values()].reduce((a, b) => a + b, 0);
          return `${(((m.get(st) ?? 0) / Math.max(1, total)) * 100).toFixed(0)} %`;
        }),
      ]),
    );
    result = {
      name: 'push-pull-postgres',
      title: `Server push and pull on PostgreSQL ${await postgresVersion(url)} (batches of ${BATCH}, fresh schema)`,
      sections: [pushTable, pullTable, `Where the server's database sessions were, sampled from pg_stat_activity every 10 ms (share of samples):\n\n${activityTable}`, `Pulled ${pulled} of ${writtenTotal} pushed events (director scope, every branch).`],
      goals,
    };
  } finally {
    await pool.end();
    await server.stop();
    await dropSchema(url, schema);
  }
  if (profileDir) result.sections.push(...(await serverProfileSections(profileDir, 'the server process during the whole push and pull run')));
  return result;
}
