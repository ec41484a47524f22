import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPolicy } from '../../shared/policy/policy';
import { login } from '../../bench/lib/api-client';
import { freePort } from '../../bench/lib/free-port';
import { startServerProcess, type ServerProcess } from '../../bench/lib/server-process';
import { createRng } from '../fixtures/rng';
import { makePlan } from './chaos-plan';
import { verifyConvergence } from './verify-convergence';
import { awaitConvergence, pgliteTemplate, withTimeout } from './seed-support';
import { killSwitch, logInWorkstations, runSeed, runSteps, startWorkstations, type ChaosOptions, type SeedResult } from './seed-run';

export type { ChaosOptions, SeedResult } from './seed-run';

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
  let server: ServerProcess | null = null;
  const stats = { kills: 0, killsMidPush: 0, restarts: 0, writes: 0, offline: 0, duplicated: 0, replayed: 0 };
  return runSeed(
    { seed, started, stats },
    async (run) => {
      server = await run.timed('serverStart', () => startServerProcess(serverOptions));
      const url = server.url;
      const urlOf = () => url;
      const sessions = await logInWorkstations(plan, urlOf);
      const viewer = await login(url, 'director');
      const userIds = [...new Set(sessions.map((s) => s.user.id))].sort();
      const kill = killSwitch({
        steps: { arm: 'kill-server-during-next-push', restart: 'restart-server' },
        counts: { kills: 'kills', midPush: 'killsMidPush' },
        rng,
        stats: run.stats,
        alive: () => server !== null,
        kill: () => {
          const victim = server as ServerProcess;
          server = null;
          return victim.kill();
        },
        start: async () => {
          if (server) return;
          server = await startServerProcess(serverOptions);
          run.stats.restarts = (run.stats.restarts ?? 0) + 1;
        },
      });
      await run.timed('clientsStart', () => startWorkstations(run, { plan, runId, sessions, urlOf, onPushSent: () => kill.pushSent() }));
      const written = await run.timed('steps', () => runSteps({ seed, plan, run, rng, numberTag: 'C', userIds, branchOf: () => 'gz', killSwitch: kill }));

      await run.timed('converge', async () => {
        // Heal: the link comes back everywhere, the server is up; then wait for quiet.
        await kill.heal();
        for (const c of run.clients) await c.setOnline(true);
        await awaitConvergence({ verify: settleAndVerify, timeoutMs: options.convergeTimeoutMs ?? 60_000, ...run });
      });

      async function settleAndVerify() {
        await Promise.all(run.clients.map((c) => withTimeout(c.settle(20_000), 30_000, `client ${c.index} settle`)));
        const states = [];
        for (const c of run.clients) states.push({ index: c.index, session: c.session, snapshot: await c.snapshot() });
        return verifyConvergence((server as ServerProcess).url, viewer, states, written);
      }
    },
    async () => {
      const s = server as ServerProcess | null;
      if (s) await s.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      if (options.databaseUrl && schema) {
        const { dropSchema } = await import('../../server/test-support/pg-schema');
        await dropSchema(options.databaseUrl, schema).catch(() => undefined);
      }
    },
  );
}
