import { describe, expect, it } from 'vitest';
import { runHubChaosSeed } from './run-hub-chaos-seed';

/**
 * Two fixed seeds of the hub chaos run (short form) on every test run; the
 * long form is `npm run chaos -- --hub --seeds 200`. The first start of a
 * process makes the database templates, which takes long on a busy machine.
 */
const SEEDS = [1, 2];

describe('hub chaos: central, a branch hub and their workstations converge through WAN and LAN cuts and hub kills', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, { timeout: 600_000 }, async () => {
      const result = await runHubChaosSeed(seed, { clients: 4, steps: 30, kills: 1, convergeTimeoutMs: 45_000 });
      expect(result.problems, `reproduce with: npm run chaos -- --hub --seed ${seed} --clients 4 --steps 30`).toEqual([]);
      expect(result.stats.hubKills).toBe(1);
      expect(result.stats.hubRestarts).toBeGreaterThanOrEqual(1);
      expect(result.stats.serverAccepted).toBeGreaterThan(0);
    });
  }
});
