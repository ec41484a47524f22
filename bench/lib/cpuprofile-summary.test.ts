import { describe, expect, it } from 'vitest';
import { hotSpots, type CpuProfile } from './cpuprofile-summary';

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'parse', url: 'file:///x/node_modules/zod/v4/core.js', lineNumber: 9 } },
    { id: 3, callFrame: { functionName: 'fold', url: 'file:///x/shared/fold/fold.ts', lineNumber: 41 } },
  ],
  samples: [2, 3, 2, 2],
  timeDeltas: [1000, 2000, 3000, 4000],
};

describe('hotSpots', () => {
  it('sums self time per function, highest first', () => {
    const top = hotSpots(profile);
    expect(top[0]).toEqual({ name: 'parse zod:10', selfMs: 8, share: 0.8 });
    expect(top[1]?.name).toBe('fold shared/fold/fold.ts:42');
  });

  it('groups by package or project folder', () => {
    expect(hotSpots(profile, 5, 'origin').map((h) => h.name)).toEqual(['zod', 'shared/fold/fold.ts']);
  });
});
