import type { Rng } from '../fixtures/rng';
import type { Step } from './chaos-plan';

/** What the plain and the hub plans draw alike, in the same order from the seed's generator. */

export interface KillSchedule {
  /** The kill and the restart that fall at step `i`, before that step's own draw. */
  at(i: number, steps: Step[]): void;
  /** A restart that fell past the last step comes at the end. */
  finish(steps: Step[]): void;
}

/**
 * `kills` kills at distinct steps within the share [from, to] of the run,
 * each followed by a restart two to six steps later.
 */
export function killSchedule(rng: Rng, o: { steps: number; kills: number; from: number; to: number; kill: Step; restart: Step }): KillSchedule {
  const killAt = new Set<number>();
  while (killAt.size < o.kills) killAt.add(rng.int(Math.floor(o.steps * o.from), Math.floor(o.steps * o.to)));
  let restartAt = -1;
  return {
    at(i, steps) {
      if (killAt.has(i)) {
        steps.push({ ...o.kill });
        restartAt = i + rng.int(2, 6);
      }
      if (i === restartAt) steps.push({ ...o.restart });
    },
    finish(steps) {
      if (restartAt >= o.steps) steps.push({ ...o.restart });
    },
  };
}

/** The workstation goes offline, or back online when it is offline; `offline` follows. */
export function toggleOffline(offline: Set<number>, client: number): Step {
  if (offline.delete(client)) return { kind: 'online', client };
  offline.add(client);
  return { kind: 'offline', client };
}
