import { describe, expect, it } from 'vitest';
import { runChaosSeed } from './run-chaos-seed';

/**
 * A few fixed seeds of the chaos harness on every test run; the long form is
 * `npm run chaos -- --seeds 200`.
 */
const SEEDS = [1, 2];

describe('chaos: clients converge with the server through faults', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, { timeout: 120_000 }, async () => {
      const result = await runChaosSeed(seed, { clients: 3, steps: 50, kills: 1, convergeTimeoutMs: 30_000 });
      expect(result.problems, `reproduce with: npm run chaos -- --seed ${seed} --clients 3 --steps 50`).toEqual([]);
      expect(result.stats.kills).toBeGreaterThanOrEqual(1);
      expect(result.stats.serverAccepted).toBeGreaterThan(0);
    });
  }
});
