import { describe, expect, it } from 'vitest';
import { makePlan } from './chaos-plan';

const options = { clients: 5, steps: 80, maxSkewMs: 300_000, kills: 2, hub: true };

describe('makePlan for a hub run', () => {
  it('is the same plan for the same seed', () => {
    expect(makePlan(9, options)).toEqual(makePlan(9, options));
    expect(makePlan(9, options)).not.toEqual(makePlan(10, options));
  });

  it('puts workstations at the hub and at central, another branch among central ones', () => {
    const plan = makePlan(3, options);
    expect(plan.clients.filter((c) => c.site === 'hub').length).toBeGreaterThanOrEqual(2);
    expect(plan.clients.filter((c) => c.site === 'hub').every((c) => c.username.endsWith('.gz'))).toBe(true);
    expect(plan.clients.some((c) => c.site === 'central' && c.username.endsWith('.dg'))).toBe(true);
    const skews = plan.clients.map((c) => c.skewMs);
    expect(Math.max(...skews) - Math.min(...skews)).toBeLessThan(options.maxSkewMs);
  });

  it('kills the hub as often as asked, restarts it after the last kill, and cuts the WAN and the LAN', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const kinds = makePlan(seed, options).steps.map((s) => s.kind);
      expect(kinds.filter((k) => k === 'kill-hub-during-next-push').length).toBe(2);
      expect(kinds.slice(kinds.lastIndexOf('kill-hub-during-next-push')).includes('restart-hub')).toBe(true);
      expect(kinds.includes('kill-server-during-next-push')).toBe(false);
    }
    const kinds = new Set(makePlan(4, { ...options, steps: 200 }).steps.map((s) => s.kind));
    for (const k of ['write', 'offline', 'online', 'wan-cut', 'wan-restore', 'lan-cut', 'lan-restore', 'duplicate-next-push', 'replay-old-push']) {
      expect(kinds.has(k as never)).toBe(true);
    }
  });
});
