import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/roles';
import { canWrite } from '../../shared/rules/permissions';
import { defaultPolicy } from '../../shared/policy/policy';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { login, type Session } from '../../bench/lib/api-client';
import { freePort } from '../../bench/lib/free-port';
import { startServerProcess, type ServerProcess } from '../../bench/lib/server-process';
import { createRng } from '../fixtures/rng';
import { nodeIdFor } from '../fixtures/fixture-clock';
import { makePlan, type PlanOptions } from './chaos-plan';
import { startChaosClient, type ChaosClient } from './chaos-client';
import { chooseAction, newComplaintPayload } from './chaos-actions';
import { verifyConvergence, type Written } from './verify-convergence';

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

const BRANCH = 'gz';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
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
  const clients: ChaosClient[] = [];
  try {
    server = await startServerProcess(serverOptions);
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
    for (const [i, c] of plan.clients.entries()) {
      clients.push(
        await startChaosClient({
          index: i,
          runId,
          serverUrl: url,
          session: sessions[i] as Session,
          skewMs: c.skewMs,
          nodeId: nodeIdFor(`${runId}/${i}`),
          onPushSent,
          onError: (m) => errors.push(m),
        }),
      );
    }
    const written: Written[] = [];
    let created = 0;
    const restart = async () => {
      if (killing) await killing;
      killing = null;
      if (server) return;
      server = await startServerProcess(serverOptions);
      stats.restarts = (stats.restarts ?? 0) + 1;
    };

    for (const step of plan.steps) {
      switch (step.kind) {
        case 'write': {
          const client = clients[step.client] as ChaosClient;
          const role = client.session.user.role as Role;
          const local = (await client.db.complaints.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON() as { id: string; p: unknown });
          const nowIso = new Date(client.now()).toISOString();
          if (canWrite(role, 'complaint.created') && (local.length === 0 || step.complaintRoll < 0.2)) {
            const complaintId = uuidv7();
            const number = `GZ-C${seed}-${client.index}-${++created}`;
            written.push({
              clientIndex: client.index,
              event: await client.write({
                id: uuidv7(), type: 'complaint.created', complaintId, actorId: client.session.user.id, branchId: BRANCH,
                payload: newComplaintPayload(seed * 1000 + created, number, nowIso) as unknown as Record<string, unknown>, v: 1, _deleted: false,
              }),
            });
          } else if (local.length > 0) {
            const target = local[Math.floor(step.complaintRoll * local.length)] as { id: string; p: ComplaintProjection };
            const chosen = chooseAction(role, target.p, step.actionRoll, { actorId: client.session.user.id, userIds, nowIso, serial: `SN${rng.hex(10).toUpperCase()}` });
            if (!chosen) break;
            written.push({
              clientIndex: client.index,
              event: await client.write({
                id: uuidv7(), type: chosen.type, complaintId: target.id, actorId: client.session.user.id, branchId: target.p.branchId,
                payload: chosen.payload as Record<string, unknown>, v: 1, _deleted: false,
              }),
            });
          }
          stats.writes = written.length;
          break;
        }
        case 'offline':
          (clients[step.client] as ChaosClient).network.setOnline(false);
          stats.offline = (stats.offline ?? 0) + 1;
          break;
        case 'online':
          (clients[step.client] as ChaosClient).network.setOnline(true);
          break;
        case 'duplicate-next-push':
          (clients[step.client] as ChaosClient).network.duplicateNextPush();
          stats.duplicated = (stats.duplicated ?? 0) + 1;
          break;
        case 'replay-old-push':
          void (clients[step.client] as ChaosClient).network.replayOldPush(step.pick);
          stats.replayed = (stats.replayed ?? 0) + 1;
          break;
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

    // Heal: the link comes back everywhere, the server is up; then wait for quiet.
    killArmed = false;
    await restart();
    for (const c of clients) c.network.setOnline(true);
    const deadline = Date.now() + (options.convergeTimeoutMs ?? 60_000);
    let verdict = await settleAndVerify();
    while (verdict.problems.length > 0 && Date.now() < deadline) {
      await sleep(500);
      verdict = await settleAndVerify();
    }
    problems.push(...verdict.problems, ...errors.slice(0, 5));
    Object.assign(stats, verdict.stats);

    async function settleAndVerify() {
      for (const c of clients) {
        c.replication.reSync();
        await withTimeout(c.replication.awaitInSync(), 20_000, `client ${c.index} sync`).catch((e: unknown) => problems.length < 1 && void e);
        await c.projector.idle();
      }
      return verifyConvergence((server as ServerProcess).url, viewer, clients, written);
    }
  } catch (err) {
    problems.push(`run aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 2000));
  } finally {
    for (const c of clients) await c.close().catch(() => undefined);
    const s = server as ServerProcess | null;
    if (s) await s.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    if (options.databaseUrl && schema) {
      const { dropSchema } = await import('../../bench/lib/pg-schema');
      await dropSchema(options.databaseUrl, schema).catch(() => undefined);
    }
  }
  return { seed, ok: problems.length === 0, problems, stats, ms: Date.now() - started };
}
