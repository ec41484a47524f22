import { describe, expect, it } from 'vitest';
import { assessmentExemptions, assessmentPeriod, callbackNorm, type ExemptionCandidate } from './assessment-exemption';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const p = defaultPolicy;

function withdrawn(n: number, overrides: Partial<ExemptionCandidate> = {}): ExemptionCandidate {
  return {
    complaintId: `c${String(n).padStart(2, '0')}`,
    teamId: 't1',
    withdrawnAt: `2026-11-${String(n).padStart(2, '0')}T10:00:00+08:00`,
    withdrawnAfterCallback: true,
    callbackFollowedNorm: true,
    ...overrides,
  };
}

describe('assessment exemption: team exempt when withdrawn after a rule-following callback, at most 8 per period', () => {
  it('exempts the first 8 and assesses the 9th onward', () => {
    const decisions = assessmentExemptions(
      Array.from({ length: 10 }, (_, i) => withdrawn(i + 1)),
      p,
    );
    expect(decisions.filter((d) => d.exempt).map((d) => d.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(decisions.slice(8).map((d) => [d.complaintId, d.exempt, d.reason, d.ordinal])).toEqual([
      ['c09', false, 'over_limit', 9],
      ['c10', false, 'over_limit', 10],
    ]);
  });

  it('orders by withdrawal time whatever the input order', () => {
    const list = Array.from({ length: 9 }, (_, i) => withdrawn(i + 1)).reverse();
    const over = assessmentExemptions(list, p).filter((d) => !d.exempt);
    expect(over.map((d) => d.complaintId)).toEqual(['c09']);
  });

  it('counts per team and per period', () => {
    const list = [
      ...Array.from({ length: 8 }, (_, i) => withdrawn(i + 1)),
      withdrawn(20, { teamId: 't2' }),
      withdrawn(9, { complaintId: 'dec', withdrawnAt: '2026-12-01T09:00:00+08:00' }),
    ];
    expect(assessmentExemptions(list, p).every((d) => d.exempt)).toBe(true);
  });

  it('puts the period boundary at midnight in the centre time zone', () => {
    expect(assessmentPeriod('2026-11-30T16:30:00.000Z', p)).toBe('2026-12');
    expect(assessmentPeriod('2026-11-30T15:59:59.999Z', p)).toBe('2026-11');
    const quarterly = parsePolicy({ assessment: { period: 'quarter' } });
    if (!quarterly.ok) throw new Error('policy refused');
    expect(assessmentPeriod('2026-11-30T10:00:00Z', quarterly.policy)).toBe('2026-Q4');
  });

  it('does not exempt (nor count) a complaint without a rule-following callback withdrawal', () => {
    const list = [
      withdrawn(1, { withdrawnAfterCallback: false }),
      withdrawn(2, { callbackFollowedNorm: false }),
      ...Array.from({ length: 8 }, (_, i) => withdrawn(i + 3)),
    ];
    const d = assessmentExemptions(list, p);
    expect(d[0]).toMatchObject({ exempt: false, reason: 'not_withdrawn_after_callback' });
    expect(d[1]).toMatchObject({ exempt: false, reason: 'callback_norm_not_followed' });
    expect(d.slice(2).every((x) => x.exempt)).toBe(true);
  });

  it('takes the limit from the policy', () => {
    const parsed = parsePolicy({ assessment: { exemptionLimitPerTeamPerPeriod: 2 } });
    if (!parsed.ok) throw new Error('policy refused');
    const d = assessmentExemptions([withdrawn(1), withdrawn(2), withdrawn(3)], parsed.policy);
    expect(d.map((x) => x.exempt)).toEqual([true, true, false]);
  });
});

describe('callback staff assessed "norm not followed": caller not a lead, false note, or missed deadline', () => {
  it('follows the norm when the lead called on time and the note was true', () => {
    expect(callbackNorm({ callerRole: 'team_lead', noteFalse: false, deadlineMissed: false })).toEqual({ followed: true, reasons: [] });
  });

  it('counts an acting lead or B角 as the lead', () => {
    expect(callbackNorm({ callerRole: 'agent', callerActingAsLead: true, noteFalse: false, deadlineMissed: false }).followed).toBe(true);
  });

  it('names every breach of the norm', () => {
    expect(callbackNorm({ callerRole: 'complaint_officer', noteFalse: true, deadlineMissed: true })).toEqual({
      followed: false,
      reasons: ['caller_not_lead', 'note_false', 'deadline_missed'],
    });
  });
});
