import { login, type Session } from '../../bench/lib/api-client';
import type { Rng } from '../fixtures/rng';
import { nodeIdFor } from '../fixtures/fixture-clock';
import type { ChaosPlan, ClientPlan, PlanOptions, Step } from './chaos-plan';
import { startClientThread, type ChaosClientThread } from './chaos-client-thread';
import { applyClientStep } from './client-steps';
import { sleep } from './seed-support';
import type { Written } from './verify-convergence';

/**
 * The course both chaos runs (central only, and with a branch hub) take:
 * the workstations log in and start, the plan's steps run (writes, the
 * workstation faults, a kill armed for the next push and the restart after
 * it), and whatever the run threw becomes a finding. What differs between
 * the runs (which process is killed, the hub's links) is passed in.
 */

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

/** What a run's body shares with the course around it; the clients it starts are closed however it ends. */
export interface SeedRun {
  problems: string[];
  stats: Record<string, number>;
  clients: ChaosClientThread[];
  errors: string[];
  /** Runs one phase of the run and keeps its duration as `<name>Ms`. */
  timed<T>(name: string, phase: () => Promise<T>): Promise<T>;
}

/** Never throws for a finding: a run that aborts is one more problem. Its time counts from `started`, before the run's own preparations. */
export async function runSeed(
  { seed, started, stats }: { seed: number; started: number; stats: Record<string, number> },
  body: (run: SeedRun) => Promise<void>,
  cleanUp: () => Promise<void>,
): Promise<SeedResult> {
  const run: SeedRun = {
    problems: [],
    stats,
    clients: [],
    errors: [],
    async timed(name, phase) {
      const since = Date.now();
      const result = await phase();
      stats[`${name}Ms`] = Date.now() - since;
      return result;
    },
  };
  try {
    await body(run);
  } catch (err) {
    run.problems.push(`run aborted: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 2000));
  } finally {
    for (const c of run.clients) await c.close().catch(() => undefined);
    await cleanUp();
  }
  return { seed, ok: run.problems.length === 0, problems: run.problems, stats, ms: Date.now() - started };
}

/** Each planned workstation's user, logged in where that workstation syncs. */
export async function logInWorkstations(plan: ChaosPlan, urlOf: (c: ClientPlan) => string): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const c of plan.clients) sessions.push(await login(urlOf(c), c.username));
  return sessions;
}

/** Workstations boot side by side, as they would in an office; they join the run's clients. */
export async function startWorkstations(
  run: SeedRun,
  o: { plan: ChaosPlan; runId: string; sessions: readonly Session[]; urlOf: (c: ClientPlan) => string; onPushSent: (c: ClientPlan) => void },
): Promise<void> {
  run.clients.push(
    ...(await Promise.all(
      o.plan.clients.map((c, i) =>
        startClientThread(
          { index: i, runId: o.runId, serverUrl: o.urlOf(c), session: o.sessions[i] as Session, skewMs: c.skewMs, nodeId: nodeIdFor(`${o.runId}/${i}`) },
          { onPushSent: () => o.onPushSent(c), onError: (m) => run.errors.push(m) },
        ),
      ),
    )),
  );
}

export interface KillSwitch {
  /** A workstation's push left: an armed kill fires within a few milliseconds. */
  pushSent(): void;
  /** Takes the plan's arm and restart steps; false for any other step. */
  step(step: Step): Promise<boolean>;
  /** At the end of the faults: nothing armed, the process up again. */
  heal(): Promise<void>;
}

/**
 * The plan's SIGKILL of a server process: armed by one step, fired by the
 * next push (while the process parses, decides or commits it), the process
 * started again by a later step. Counts kills and mid-push kills.
 */
export function killSwitch(o: {
  steps: { arm: Step['kind']; restart: Step['kind'] };
  counts: { kills: string; midPush: string };
  rng: Rng;
  stats: Record<string, number>;
  alive: () => boolean;
  kill: () => Promise<void>;
  /** Once the kill has finished. */
  start: () => Promise<void>;
}): KillSwitch {
  let armed = false;
  let killing: Promise<void> | null = null;
  const kill = (midPush: boolean) => {
    if (!o.alive() || killing) return;
    o.stats[o.counts.kills] = (o.stats[o.counts.kills] ?? 0) + 1;
    if (midPush) o.stats[o.counts.midPush] = (o.stats[o.counts.midPush] ?? 0) + 1;
    killing = o.kill();
  };
  const restart = async () => {
    if (killing) await killing;
    killing = null;
    await o.start();
  };
  return {
    pushSent() {
      if (!armed) return;
      armed = false;
      setTimeout(() => kill(true), o.rng.int(0, 8));
    },
    async step(step) {
      if (step.kind === o.steps.arm) armed = true;
      else if (step.kind === o.steps.restart) {
        // A kill armed but not yet fired (no push came) still happens, at rest.
        if (armed) {
          armed = false;
          kill(false);
        }
        await restart();
      } else return false;
      return true;
    },
    async heal() {
      armed = false;
      await restart();
    },
  };
}

/**
 * Runs the plan's steps in order and returns the events written. A write
 * registers complaints numbered `GZ-<tag><seed>-<client>-<n>`; the
 * workstation steps and pauses are the same in both runs; the kill switch
 * and then `siteStep` take the rest, and a step no one takes is an error.
 */
export async function runSteps(o: {
  seed: number;
  plan: ChaosPlan;
  run: SeedRun;
  rng: Rng;
  numberTag: string;
  userIds: string[];
  branchOf: (client: number) => string;
  transferTargets?: Record<string, string>;
  killSwitch: KillSwitch;
  siteStep?: (step: Step) => boolean;
}): Promise<Written[]> {
  const { clients, stats } = o.run;
  const written: Written[] = [];
  let created = 0;
  for (const step of o.plan.steps) {
    if (step.kind === 'write') {
      created++;
      const event = await (clients[step.client] as ChaosClientThread).write({
        actionRoll: step.actionRoll,
        complaintRoll: step.complaintRoll,
        newNumber: `GZ-${o.numberTag}${o.seed}-${step.client}-${created}`,
        payloadSeed: o.seed * 10_000 + created,
        serial: `SN${o.rng.hex(10).toUpperCase()}`,
        userIds: o.userIds,
        branchId: o.branchOf(step.client),
        ...(o.transferTargets ? { transferTargets: o.transferTargets } : {}),
      });
      if (event) written.push({ clientIndex: step.client, event: event as Written['event'] });
      stats.writes = written.length;
    } else if (step.kind === 'pause') await sleep(step.ms);
    else if (!(await applyClientStep(step, clients, stats)) && !(await o.killSwitch.step(step)) && !o.siteStep?.(step)) {
      throw new Error(`${step.kind} is not a step of this run`);
    }
    await sleep(2);
  }
  return written;
}
