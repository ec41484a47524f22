import { describe, expect, it } from 'vitest';
import { createRng } from '../fixtures/rng';
import type { Step } from './chaos-plan';
import { killSchedule, toggleOffline } from './plan-steps';

const kill: Step = { kind: 'kill-hub-during-next-push' };
const restart: Step = { kind: 'restart-hub' };

describe('killSchedule', () => {
  it('kills as often as asked within its share of the run, each kill restarted 2 to 6 steps later or at the end', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const steps: (Step | number)[] = [];
      const schedule = killSchedule(createRng(seed), { steps: 20, kills: 2, from: 0.2, to: 0.8, kill, restart });
      for (let i = 0; i < 20; i++) {
        schedule.at(i, steps as Step[]);
        steps.push(i);
      }
      schedule.finish(steps as Step[]);
      const isKill = (s: Step | number) => typeof s !== 'number' && s.kind === kill.kind;
      const isRestart = (s: Step | number) => typeof s !== 'number' && s.kind === restart.kind;
      const kills = steps.flatMap((s, k) => (isKill(s) ? [k] : []));
      expect(kills).toHaveLength(2);
      for (const k of kills) {
        const step = steps[k + 1] as number;
        expect(step).toBeGreaterThanOrEqual(4);
        expect(step).toBeLessThanOrEqual(16);
      }
      const last = kills[1] as number;
      const after = steps.findIndex((s, k) => k > last && isRestart(s));
      expect(after).toBeGreaterThan(last);
      const gap = steps.slice(last, after).filter((s) => typeof s === 'number').length;
      expect(after === steps.length - 1 || (gap >= 2 && gap <= 6)).toBe(true);
    }
  });
});

describe('toggleOffline', () => {
  it('takes a workstation offline, then back online', () => {
    const offline = new Set<number>();
    expect(toggleOffline(offline, 2)).toEqual({ kind: 'offline', client: 2 });
    expect([...offline]).toEqual([2]);
    expect(toggleOffline(offline, 1)).toEqual({ kind: 'offline', client: 1 });
    expect(toggleOffline(offline, 2)).toEqual({ kind: 'online', client: 2 });
    expect([...offline]).toEqual([1]);
  });
});
