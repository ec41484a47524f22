import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy';
import { countsWorkingDays } from './clocks';

describe('clocks counted in working days', () => {
  it('are the acceptance review, handling and the survey', () => {
    for (const c of ['acceptanceReview', 'handling', 'survey'] as const) expect(countsWorkingDays(c, defaultPolicy), c).toBe(true);
    for (const c of ['initialVerification', 'writtenResult', 'callback'] as const) expect(countsWorkingDays(c, defaultPolicy), c).toBe(false);
  });

  it('include the callback where the policy counts it in working days', () => {
    const policy = { ...defaultPolicy, secondResolution: { ...defaultPolicy.secondResolution, callbackDayCounting: 'working' as const } };
    expect(countsWorkingDays('callback', policy)).toBe(true);
  });
});
