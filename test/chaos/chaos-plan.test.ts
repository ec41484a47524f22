import { describe, expect, it } from 'vitest';
import { makePlan } from './chaos-plan';

const options = { clients: 4, steps: 60, maxSkewMs: 300_000, kills: 1 };

describe('makePlan', () => {
  it('is the same plan for the same seed', () => {
    expect(makePlan(9, options)).toEqual(makePlan(9, options));
    expect(makePlan(9, options)).not.toEqual(makePlan(10, options));
  });

  it('keeps every pair of client clocks within the skew bound and uses its extremes', () => {
    const plan = makePlan(3, options);
    const skews = plan.clients.map((c) => c.skewMs);
    expect(Math.max(...skews) - Math.min(...skews)).toBeLessThan(options.maxSkewMs);
    expect(Math.max(...skews) - Math.min(...skews)).toBeGreaterThan(options.maxSkewMs * 0.9);
  });

  it('kills the server as often as asked and always restarts it afterwards', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const plan = makePlan(seed, { ...options, kills: 2 });
      const kinds = plan.steps.map((s) => s.kind);
      const kills = kinds.filter((k) => k === 'kill-server-during-next-push').length;
      expect(kills).toBe(2);
      const lastKill = kinds.lastIndexOf('kill-server-during-next-push');
      expect(kinds.slice(lastKill).includes('restart-server')).toBe(true);
    }
  });

  it('mixes writes, offline windows and push tampering', () => {
    const kinds = new Set(makePlan(4, { ...options, steps: 200 }).steps.map((s) => s.kind));
    for (const k of ['write', 'offline', 'online', 'duplicate-next-push', 'replay-old-push', 'pause']) expect(kinds.has(k as never)).toBe(true);
  });
});
