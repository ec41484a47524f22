import { createRng } from '../fixtures/rng';
import type { ChaosPlan, ClientPlan, PlanOptions, Step } from './chaos-plan';
import { killSchedule, toggleOffline } from './plan-steps';

/**
 * The seeded plan of a hub run: branch gz's workstations on its hub, and at
 * the central server a gz officer (who may transfer complaints out of the
 * branch), a dg agent (another branch's data, which must never reach the
 * hub) and the director (who sees both and transfers back). Besides the
 * workstation faults of the plain plan: WAN cuts (hub↔central), LAN cuts
 * (every hub workstation at once), and SIGKILLs of the hub, each during a
 * push and followed by a restart a few steps later.
 */

export const HUB_BRANCH = 'gz';
export const OTHER_BRANCH = 'dg';
export const HUB_SITE_USERS = ['agent.gz', 'lead.gz', 'agent2.gz', 'supervisor.gz'] as const;
export const CENTRAL_SITE_USERS = ['officer.gz', 'agent.dg', 'director'] as const;

function hubClients(rng: ReturnType<typeof createRng>, count: number, maxSkewMs: number): ClientPlan[] {
  const half = Math.floor((maxSkewMs / 2) * 0.95);
  // At least two workstations at the central server, the rest at the hub (at least two).
  const atCentral = Math.max(2, Math.min(CENTRAL_SITE_USERS.length, Math.floor(count / 3)));
  const atHub = Math.max(2, count - atCentral);
  const skew = (i: number) => (i === 0 ? half : i === 1 ? -half : rng.int(-half, half));
  return [
    ...Array.from({ length: atHub }, (_, i) => ({ username: HUB_SITE_USERS[i % HUB_SITE_USERS.length] as string, site: 'hub' as const, skewMs: skew(i) })),
    ...Array.from({ length: atCentral }, (_, i) => ({ username: CENTRAL_SITE_USERS[i] as string, site: 'central' as const, skewMs: skew(atHub + i) })),
  ];
}

export function makeHubPlan(seed: number, options: PlanOptions): ChaosPlan {
  const rng = createRng(seed);
  const clients = hubClients(rng, options.clients, options.maxSkewMs);
  const steps: Step[] = [];
  const offline = new Set<number>();
  let wanCut = false;
  let lanCut = false;
  const kills = killSchedule(rng, { ...options, from: 0.15, to: 0.85, kill: { kind: 'kill-hub-during-next-push' }, restart: { kind: 'restart-hub' } });
  for (let i = 0; i < options.steps; i++) {
    kills.at(i, steps);
    const client = rng.int(0, clients.length - 1);
    const roll = rng.next();
    if (roll < 0.56) steps.push({ kind: 'write', client, actionRoll: rng.next(), complaintRoll: rng.next() });
    else if (roll < 0.63) steps.push(toggleOffline(offline, client));
    else if (roll < 0.71) {
      steps.push({ kind: wanCut ? 'wan-restore' : 'wan-cut' });
      wanCut = !wanCut;
    } else if (roll < 0.75) {
      steps.push({ kind: lanCut ? 'lan-restore' : 'lan-cut' });
      lanCut = !lanCut;
    } else if (roll < 0.81) steps.push({ kind: 'duplicate-next-push', client });
    else if (roll < 0.87) steps.push({ kind: 'replay-old-push', client, pick: rng.next() });
    else steps.push({ kind: 'pause', ms: rng.int(20, 250) });
    if (rng.chance(0.5)) steps.push({ kind: 'pause', ms: rng.int(0, 40) });
  }
  kills.finish(steps);
  return { seed, clients, steps };
}
