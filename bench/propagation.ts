import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canWrite } from '../shared/rules/permissions';
import type { EventEnvelope } from '../shared/events/envelope';
import { generateSingleActorEvents } from '../test/fixtures/complaint-dataset';
import { login, pushEvents, type Session } from './lib/api-client';
import type { BenchArgs } from './lib/args';
import type { BenchResult } from './lib/bench-result';
import { databaseUrl, dropSchema, freshSchemaName } from '../server/test-support/pg-schema';
import { startServerProcess } from './lib/server-process';
import { serverProfileSections } from './lib/server-profile';
import { startTsWorker } from './lib/ts-worker';
import { summarize } from './lib/stats';
import { formatNumber, renderTable } from './lib/table';
import type { ClientsReport } from './propagation-clients';

/**
 * Benchmark 4: stream clients stay connected while agents write (a centre's
 * worth: 1,000 in the full run, 200 in the quick one, `--clients N` to
 * choose); for each event and each client whose scope includes it, the time
 * from the push request leaving the writer to the event arriving on that
 * client's stream, and every delivery outside the client's scope.
 */

/** Sign-ins at once: each is a scrypt hash on the server, so a few at a time. */
const LOGIN_CONCURRENCY = 4;
/** Stream users: branch staff of gz and dg, and directors who see both. */
const VIEWERS = ['agent.gz', 'agent2.gz', 'lead.gz', 'officer.gz', 'supervisor.gz', 'agent.dg', 'lead.dg', 'supervisor.dg', 'director'];
const WRITERS = ['agent.gz', 'agent2.gz', 'agent.dg'];

const epochNow = () => performance.timeOrigin + performance.now();
const here = path.dirname(fileURLToPath(import.meta.url));

/** After the last push, how long the benchmark waits for deliveries still on their way before counting the rest as lost. */
const LATE_WAIT_MS = 30_000;

interface Clients {
  ready: Promise<void>;
  /** Events each client has received so far. */
  counts(): Promise<number[]>;
  stop(): Promise<ClientsReport>;
}

function startClients(url: string, tokens: string[]): Clients {
  const worker = startTsWorker(path.join(here, 'propagation-clients.ts'), { url, tokens });
  let resolveReady: () => void;
  let rejectAll: (err: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectAll = reject;
  });
  let resolveReport: (r: ClientsReport) => void;
  const report = new Promise<ClientsReport>((resolve) => (resolveReport = resolve));
  let countWaiters: ((counts: number[]) => void)[] = [];
  worker.on('message', (msg: { type: string; report?: ClientsReport; counts?: number[] }) => {
    if (msg.type === 'ready') resolveReady();
    if (msg.type === 'report' && msg.report) resolveReport(msg.report);
    if (msg.type === 'counts' && msg.counts) {
      const waiters = countWaiters;
      countWaiters = [];
      for (const w of waiters) w(msg.counts);
    }
  });
  worker.on('error', (err) => rejectAll(err));
  return {
    ready,
    counts() {
      const answer = new Promise<number[]>((resolve) => countWaiters.push(resolve));
      worker.postMessage({ type: 'counts' });
      return answer;
    },
    async stop() {
      worker.postMessage({ type: 'stop' });
      const r = await report;
      await worker.terminate();
      return r;
    },
  };
}

/** Directors and admins see every branch; everyone else their own. */
function inScope(session: Session, branch: string): boolean {
  return session.user.role === 'director' || session.user.role === 'admin' || session.user.branchId === branch;
}

export async function runPropagation(args: BenchArgs): Promise<BenchResult> {
  const url = databaseUrl();
  const schema = freshSchemaName('bench_prop');
  const writes = args.quick ? 100 : 500;
  const intervalMs = args.quick ? 50 : 40;
  const clientCount = Number(args.flags.get('clients') ?? (args.quick ? 200 : 1000));
  const profileDir = args.flags.get('profile') === 'true' ? await mkdtemp(path.join(os.tmpdir(), 'hd-server-prof-')) : undefined;
  const server = await startServerProcess({ databaseUrl: url, databaseSchema: schema, env: { DEADLINE_WATCH_MS: '0' }, ...(profileDir ? { cpuProfileDir: profileDir } : {}) });
  let result: BenchResult | null = null;
  try {
    const viewerSessions = new Map<string, Session>();
    for (const u of VIEWERS) viewerSessions.set(u, await login(server.url, u));
    const writerSessions = await Promise.all(WRITERS.map((u) => login(server.url, u)));
    // Each client signs in for its own token, as separate workstations do.
    const clientUsers = Array.from({ length: clientCount }, (_, i) => VIEWERS[i % VIEWERS.length] as string);
    const clientSessions: Session[] = new Array<Session>(clientCount);
    let nextLogin = 0;
    await Promise.all(
      Array.from({ length: LOGIN_CONCURRENCY }, async () => {
        for (let i = nextLogin++; i < clientCount; i = nextLogin++) clientSessions[i] = await login(server.url, clientUsers[i] as string);
      }),
    );
    const clients = startClients(server.url, clientSessions.map((s) => s.token));
    await clients.ready;
    await new Promise((r) => setTimeout(r, 500));

    const endMs = Date.now() - 60_000;
    const perWriter = Math.ceil(writes / WRITERS.length);
    const queues = writerSessions.map((s, w) =>
      generateSingleActorEvents({
        seed: 7000 + w, events: perWriter, actorId: s.user.id, branchId: s.user.branchId, endMs, workstation: 900 + w,
        allow: (t) => canWrite('agent', t),
      }),
    );
    const sentAt = new Map<string, number>();
    const eventBranch = new Map<string, string>();
    const pushMs: number[] = [];
    // Writers take turns at a steady rate, one event per push, as agents at work do.
    const writesDone: Promise<void>[] = [];
    for (let i = 0; i < writes; i++) {
      const w = i % WRITERS.length;
      const event = queues[w]?.[Math.floor(i / WRITERS.length)] as EventEnvelope | undefined;
      if (!event) continue;
      const session = writerSessions[w] as Session;
      sentAt.set(event.id, epochNow());
      eventBranch.set(event.id, event.branchId);
      const t0 = performance.now();
      writesDone.push(pushEvents(server.url, session.token, [event]).then(() => void pushMs.push(performance.now() - t0)));
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    await Promise.all(writesDone);
    // Late is not lost: wait until every client holds every event of its scope, or LATE_WAIT_MS.
    const lastPushAt = epochNow();
    const expectedPerClient = clientSessions.map((session) => [...eventBranch.values()].filter((branch) => inScope(session, branch)).length);
    for (;;) {
      const counts = await clients.counts();
      if (counts.every((n, c) => n >= (expectedPerClient[c] ?? 0)) || epochNow() - lastPushAt >= LATE_WAIT_MS) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const waitedMs = epochNow() - lastPushAt;
    const report = await clients.stop();

    const latencies: number[] = [];
    let expected = 0;
    let missing = 0;
    clientSessions.forEach((session, c) => {
      const got = report.received[c] ?? {};
      sentAt.forEach((sent, id) => {
        if (!inScope(session, eventBranch.get(id) as string)) return;
        expected++;
        const at = got[id];
        if (at === undefined) missing++;
        else latencies.push(at - sent);
      });
    });
    const leaks = clientSessions.reduce((n, session, c) => {
      const got = report.received[c] ?? {};
      return n + [...sentAt.keys()].filter((id) => got[id] !== undefined && !inScope(session, eventBranch.get(id) as string)).length;
    }, 0);
    const s = summarize(latencies);
    const push = summarize(pushMs);
    const late = latencies.filter((ms) => ms > 3000).length;
    const table = renderTable(
      ['stream clients', 'events written', 'deliveries expected', 'delivered', 'missing', 'out-of-scope deliveries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'push median ms'],
      [[clientCount, sentAt.size, expected, latencies.length, missing, leaks, formatNumber(s.median), formatNumber(s.p95), formatNumber(s.p99), formatNumber(s.max), formatNumber(push.median)]],
    );
    result = {
      name: 'propagation',
      title: `Propagation to ${clientCount} stream clients (PostgreSQL, one event per push every ${intervalMs} ms from ${WRITERS.length} agents)`,
      sections: [
        table,
        `After the last push the benchmark waited ${formatNumber(waitedMs)} ms (at most ${LATE_WAIT_MS / 1000} s) for deliveries on their way: ${late} arrived more than 3 s after their push; missing means not arrived by the end of that wait.`,
        `Stream RESYNC messages: ${report.resyncs}; client errors: ${report.errors.length ? report.errors.join('; ') : 'none'}.`,
      ],
      goals: [
        { goal: 'propagation p50 ≤ 150 ms', measured: `${formatNumber(s.median)} ms`, met: s.median <= 150 },
        { goal: 'propagation p99 ≤ 500 ms', measured: `${formatNumber(s.p99)} ms`, met: s.p99 <= 500 },
        ...(clientCount >= 1000 ? [{ goal: `propagation to ${clientCount} clients p99 ≤ 100 ms`, measured: `${formatNumber(s.p99)} ms`, met: s.p99 <= 100 }] : []),
        { goal: 'every in-scope client receives every event', measured: `${missing} missing`, met: missing === 0 },
        { goal: 'no delivery outside a client’s scope', measured: `${leaks} out of scope`, met: leaks === 0 },
      ],
    };
  } finally {
    await server.stop();
    await dropSchema(url, schema);
  }
  // The server writes its profile when it stops (--cpu-prof).
  if (profileDir) result.sections.push(...(await serverProfileSections(profileDir, 'the server process during the whole propagation run (sign-ins included)')));
  return result;
}
