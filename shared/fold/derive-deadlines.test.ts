import { describe, expect, it } from 'vitest';
import { deriveDeadlines } from './derive-deadlines';
import { emptyProjection } from './projection';
import { defaultFoldContext } from '../test-support/fold-fixtures';
import { parsePolicy } from '../policy/policy';

const ctx = defaultFoldContext();

describe('deriveDeadlines', () => {
  it('has no clocks before the complaint is created', () => {
    expect(deriveDeadlines(emptyProjection('c', 'gz'), ctx)).toEqual({});
  });

  it('runs the callback clock only when 二解 applies', () => {
    const p = { ...emptyProjection('c', 'gz'), receivedAt: '2026-11-23T10:00:00+08:00', grade: 1 as const };
    p.milestones = { ...p.milestones, notifiedAt: '2026-11-23T11:00:00+08:00' };
    expect(deriveDeadlines(p, ctx).callback).toBeUndefined();
    p.flags = { ...p.flags, secondResolution: true };
    // Next working day 17:00 Shanghai.
    expect(deriveDeadlines(p, ctx).callback).toBe('2026-11-24T09:00:00.000Z');
  });

  it('follows the policy it is given', () => {
    const parsed = parsePolicy({ deadlines: { handlingWorkingDaysByGrade: { '1': 3, '2': 15, '3': 2, '4': 10 } } });
    if (!parsed.ok) throw new Error('policy');
    const p = { ...emptyProjection('c', 'gz'), receivedAt: '2026-11-23T10:00:00+08:00', grade: 1 as const };
    expect(deriveDeadlines(p, { ...ctx, policy: parsed.policy }).handling).toBe('2026-11-26T09:00:00.000Z');
  });
});
