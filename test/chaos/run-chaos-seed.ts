import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPolicy } from '../../shared/policy/policy';
import { login, type Session } from '../../bench/lib/api-client';
import { freePort } from '../../bench/lib/free-port';
import { startServerProcess, type ServerProcess } from '../../bench/lib/server-process';
import { createRng } from '../fixtures/rng';
import { nodeIdFor } from '../fixtures/fixture-clock';
import { makePlan, type PlanOptions } from './chaos-plan';
import { startClientThread, type ChaosClientThread } from './chaos-client-thread';
import { applyClientStep } from './client-steps';
import { verifyConvergence, type Written } from './verify-convergence';
import { awaitConvergence, pgliteTemplate, sleep, withTimeout } from './seed-support';

export interface ChaosOptions extends Omit<PlanOptions, 'maxSkewMs'> {
  /** postgres:// URL to run the server on PostgreSQL (fresh schema); absent → embedded PGlite. */
  databaseUrl?: string;
  convergeTimeoutMs?: number;
  verbose?: boolean;
}

export interface SeedResult {
  seed: number;
  ok: boolean;
  problems: string[];
  stats: Record<string, number>;
  ms: number;
}

/**
 * One seeded chaos run: a real server process, real RxDB clients, the plan's
 * faults, then the convergence checks. Never throws for a finding; returns it.
 */
export async function runChaosSeed(seed: number, options: ChaosOptions): Promise<SeedResult> {
  const started = Date.now();
  const plan = makePlan(seed, { ...options, maxSkewMs: defaultPolicy.sync.hlcMaxSkewMs });
  const rng = createRng(seed ^ 0x5eed);
  const runId = `${seed}-${Date.now().toString(36)}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-chaos-'));
  if (!options.databaseUrl) await cp(await pgliteTemplate('demo'), dataDir, { recursive: true });
  const schema = options.databaseUrl ? `chaos_${runId.replace(/[^a-z0-9]/g, '_')}` : undefined;
  const port = await freePort();
  const serverOptions = {
    port,
    dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, databaseSchema: schema } : {}),
    env: { DEADLINE_WATCH_MS: '0', HEARTBEAT_MS: '1000' },
    verbose: options.verbose,
  };
  const problems: string[] = [];
  const stats: Record<string, number> = { kills: 0, killsMidPush: 0, restarts: 0, writes: 0, offline: 0, duplicated: 0, replayed: 0 };
  let server: ServerProcess | null = null;
  const clients: ChaosClientThread[] = [];
  try {
    const phase = (name: string, since: number) => (stats[`${name}Ms`] = Date.now() - since);
    let t = Date.now();
    server = await startServerProcess(serverOptions);
    phase('serverStart', t);
    const url = server.url;
    const sessions: Session[] = [];
    for (const c of plan.clients) sessions.push(await login(url, c.username));
    const viewer = await login(url, 'director');
    const userIds = [...new Set(sessions.map((s) => s.user.id))].sort();

    let killArmed = false;
    let killing: Promise<void> | null = null;
    const killServer = (midPush: boolean) => {
      if (!server || killing) return;
      const victim = server;
      stats.kills = (stats.kills ?? 0) + 1;
      if (midPush) stats.killsMidPush = (stats.killsMidPush ?? 0) + 1;
      server = null;
      killing = victim.kill();
    };
    const onPushSent = () => {
      if (!killArmed) return;
      killArmed = false;
      // Within a few milliseconds of the request leaving: while the server parses, validates or commits it.
      setTimeout(() => killServer(true), rng.int(0, 8));
    };
    const errors: string[] = [];
    t = Date.now();
    // Workstations boot side by side, as they would in an office.
    clients.push(
      ...(await Promise.all(
        plan.clients.map((c, i) =>
          startClientThread(
            { index: i, runId, serverUrl: url, session: sessions[i] as Session, skewMs: c.skewMs, nodeId: nodeIdFor(`${runId}/${i}`) },
            { onPushSent, onError: (m) => errors.push(m) },
          ),
        ),
      )),
    );
    phase('clientsStart', t);
    const written: Written[] = [];
    let created = 0;
    const restart = async () => {
      if (killing) await killing;
      killing = null;
      if (server) return;
      server = await startServerProcess(serverOptions);
      stats.restarts = (stats.restarts ?? 0) + 1;
    };

    t = Date.now();
    for (const step of plan.steps) {
      if (await applyClientStep(step, clients, stats)) {
        await sleep(2);
        continue;
      }
      const client = 'client' in step ? (clients[step.client] as ChaosClientThread) : null;
      switch (step.kind) {
        case 'write': {
          created++;
          const event = await (client as ChaosClientThread).write({
            actionRoll: step.actionRoll,
            complaintRoll: step.complaintRoll,
            newNumber: `GZ-C${seed}-${step.client}-${created}`,
            payloadSeed: seed * 10_000 + created,
            serial: `SN${rng.hex(10).toUpperCase()}`,
            userIds,
            branchId: 'gz',
          });
          if (event) written.push({ clientIndex: step.client, event: event as Written['event'] });
          stats.writes = written.length;
          break;
        }
        case 'kill-server-during-next-push':
          killArmed = true;
          break;
        case 'restart-server':
          // A kill armed but not yet fired (no push came) still happens, at rest.
          if (killArmed && server) {
            killArmed = false;
            killServer(false);
          }
          await restart();
          break;
        case 'pause':
          await sleep(step.ms);
          break;
      }
      await sleep(2);
    }

    phase('steps', t);
    t = Date.now();
    // Heal: the link comes back everywhere, the server is up; then wait for quiet.
    killArmed = false;
    await restart();
    for (const c of clients) await c.setOnline(true);
    await awaitConvergence({ verify: settleAndVerify, timeoutMs: options.convergeTimeoutMs ?? 60_000, clients, errors, problems, stats });
    phase('converge', t);

    async function settleAndVerify() {
      await Promise.all(clients.map((c) => withTimeout(c.settle(20_000), 30_000, `client ${c.index} settle`)));
      const states = [];
      for (const c of clients) states.push({ index: c.index, session: c.session, snapshot: await c.snapshot() });
      return verifyConvergence((server as ServerProcess).url, viewer, states, written);
    }
  } catch (err) {
    problems.push(`run aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 2000));
  } finally {
    for (const c of clients) await c.close().catch(() => undefined);
    const s = server as ServerProcess | null;
    if (s) await s.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    if (options.databaseUrl && schema) {
      const { dropSchema } = await import('../../server/test-support/pg-schema');
      await dropSchema(options.databaseUrl, schema).catch(() => undefined);
    }
  }
  return { seed, ok: problems.length === 0, problems, stats, ms: Date.now() - started };
}
