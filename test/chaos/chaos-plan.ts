import { createRng, type Rng } from '../fixtures/rng';
import { makeHubPlan } from './hub-plan';
import { killSchedule, toggleOffline } from './plan-steps';

/**
 * The seeded plan of one chaos run: who the clients are, how skewed their
 * clocks are, and the ordered steps (writes, offline windows, stale push
 * replays, a server kill during a push). The same seed gives the same plan;
 * the run itself uses real processes and timers, so a failing seed is rerun
 * with `--seed N` to reproduce it.
 */

export interface ClientPlan {
  username: string;
  /** Where the workstation syncs: the central server, or the branch hub over the LAN (hub runs only). */
  site: 'central' | 'hub';
  /** Added to this client's wall clock; pairs stay within the HLC bound. */
  skewMs: number;
}

export type Step =
  | { kind: 'write'; client: number; actionRoll: number; complaintRoll: number }
  | { kind: 'offline'; client: number }
  | { kind: 'online'; client: number }
  | { kind: 'duplicate-next-push'; client: number }
  | { kind: 'replay-old-push'; client: number; pick: number }
  | { kind: 'kill-server-during-next-push' }
  | { kind: 'restart-server' }
  | { kind: 'pause'; ms: number }
  // Hub runs: the hub↔central link, the whole LAN of the hub's workstations, and the hub process.
  | { kind: 'wan-cut' }
  | { kind: 'wan-restore' }
  | { kind: 'lan-cut' }
  | { kind: 'lan-restore' }
  | { kind: 'kill-hub-during-next-push' }
  | { kind: 'restart-hub' };

export interface ChaosPlan {
  seed: number;
  clients: ClientPlan[];
  steps: Step[];
}

export interface PlanOptions {
  clients: number;
  steps: number;
  /** The HLC skew bound of the policy (sync.hlcMaxSkewMs). */
  maxSkewMs: number;
  /** Server kills per run (each followed by a restart a few steps later); the hub's in hub runs. */
  kills: number;
  /** Clients on a branch hub and on central at once, with WAN and LAN partitions (hub-plan.ts). */
  hub?: boolean;
}

/** All users of branch gz plus the director: every client sees every complaint of the run. */
export const CHAOS_USERS = ['agent.gz', 'lead.gz', 'officer.gz', 'agent2.gz', 'supervisor.gz', 'director'] as const;

function planClients(rng: Rng, count: number, maxSkewMs: number): ClientPlan[] {
  // Within ±bound/2 so any two clients also differ by less than the bound.
  const half = Math.floor((maxSkewMs / 2) * 0.95);
  return Array.from({ length: count }, (_, i) => ({
    username: CHAOS_USERS[i % CHAOS_USERS.length] as string,
    site: 'central' as const,
    skewMs: i === 0 ? half : i === 1 ? -half : rng.int(-half, half),
  }));
}

export function makePlan(seed: number, options: PlanOptions): ChaosPlan {
  if (options.hub) return makeHubPlan(seed, options);
  const rng = createRng(seed);
  const clients = planClients(rng, options.clients, options.maxSkewMs);
  const steps: Step[] = [];
  const offline = new Set<number>();
  const kills = killSchedule(rng, { ...options, from: 0.2, to: 0.8, kill: { kind: 'kill-server-during-next-push' }, restart: { kind: 'restart-server' } });
  for (let i = 0; i < options.steps; i++) {
    kills.at(i, steps);
    const client = rng.int(0, clients.length - 1);
    const roll = rng.next();
    if (roll < 0.62) steps.push({ kind: 'write', client, actionRoll: rng.next(), complaintRoll: rng.next() });
    else if (roll < 0.72) steps.push(toggleOffline(offline, client));
    else if (roll < 0.8) steps.push({ kind: 'duplicate-next-push', client });
    else if (roll < 0.88) steps.push({ kind: 'replay-old-push', client, pick: rng.next() });
    else steps.push({ kind: 'pause', ms: rng.int(20, 250) });
    if (rng.chance(0.5)) steps.push({ kind: 'pause', ms: rng.int(0, 40) });
  }
  kills.finish(steps);
  return { seed, clients, steps };
}
