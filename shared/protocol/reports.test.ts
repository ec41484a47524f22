import { describe, expect, it } from 'vitest';
import { reportQuerySchema } from './reports';

describe('report query', () => {
  it('gives the period and only the filters given', () => {
    expect(reportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', branchId: 'dg', teamId: '' })).toEqual({
      period: { from: '2026-11-01', to: '2026-11-30' },
      filter: { branchId: 'dg' },
    });
  });

  it.each([
    [{ from: '2026-11-30', to: '2026-11-01' }, 'from must not be after to'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from and to must be real calendar days'],
    [{ from: '2000-01-01', to: '2026-01-01' }, 'a report covers at most 3660 days'],
  ])('refuses %o with the period rule', (q, message) => {
    const r = reportQuerySchema.safeParse(q);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it('refuses a missing day, a malformed one and an unstorable filter', () => {
    for (const q of [{ to: '2026-11-01' }, { from: 'x', to: 'y' }, { from: '2026-11-01', to: '2026-11-02', agentId: 'a\u0000' }]) {
      expect(reportQuerySchema.safeParse(q).success, JSON.stringify(q)).toBe(false);
    }
  });
});
