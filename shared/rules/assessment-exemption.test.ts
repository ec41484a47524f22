import { describe, expect, it } from 'vitest';
import { assessmentExemptions, assessmentPeriod, callbackNorm, type ExemptionCandidate } from './assessment-exemption';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const p = defaultPolicy;

function withdrawn(n: number, overrides: Partial<ExemptionCandidate> = {}): ExemptionCandidate {
  return {
    complaintId: `c${String(n).padStart(2, '0')}`,
    teamId: 't1',
    receivedAt: `2026-11-${String(n).padStart(2, '0')}T10:00:00+08:00`,
    withdrawnAfterCallback: true,
    callbackFollowedNorm: true,
    ...overrides,
  };
}
/** Never notified for a callback (e.g. a VIP's), or a callback the customer did not accept. */
const notNotified = (n: number) => withdrawn(n, { withdrawnAfterCallback: false, callbackFollowedNorm: false });
const notAccepted = (n: number) => withdrawn(n, { withdrawnAfterCallback: false, callbackFollowedNorm: true });

describe('exemption count: more than 8 complaints against a team in the period lose the exemption from the 9th on', () => {
  it('exempts the 8th complaint and assesses the 9th, all of them withdrawn after a rule-following callback', () => {
    const decisions = assessmentExemptions(
      Array.from({ length: 10 }, (_, i) => withdrawn(i + 1)),
      p,
    );
    expect(decisions.filter((d) => d.exempt).map((d) => d.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(decisions.slice(7).map((d) => [d.complaintId, d.exempt, d.reason, d.ordinal, d.teamCount])).toEqual([
      ['c08', true, 'exempt', 8, 10],
      ['c09', false, 'over_limit', 9, 10],
      ['c10', false, 'over_limit', 10, 10],
    ]);
  });

  it('counts the not-notified and the not-accepted complaints: a withdrawal that is the 9th complaint is assessed', () => {
    // 6 withdrawals, a VIP's complaint never notified (7th), one the customer did not accept (8th),
    // then two more withdrawals: the 9th and 10th complaints against the team.
    const list = [
      withdrawn(1), withdrawn(2), withdrawn(3), withdrawn(4), withdrawn(5), withdrawn(6),
      notNotified(7), notAccepted(8), withdrawn(9), withdrawn(10),
    ];
    const d = Object.fromEntries(assessmentExemptions(list, p).map((x) => [x.complaintId, x]));
    expect(d.c06).toMatchObject({ exempt: true, ordinal: 6 });
    expect(d.c07).toMatchObject({ exempt: false, reason: 'not_withdrawn_after_callback', ordinal: 7 });
    expect(d.c08).toMatchObject({ exempt: false, reason: 'not_withdrawn_after_callback', ordinal: 8 });
    expect(d.c09).toMatchObject({ exempt: false, reason: 'over_limit', ordinal: 9, teamCount: 10 });
    expect(d.c10).toMatchObject({ exempt: false, reason: 'over_limit', ordinal: 10 });
  });

  it('with 8 complaints in all, the 8th (a withdrawal after 2 not-notified ones) is still exempt', () => {
    const list = [notNotified(1), notAccepted(2), ...Array.from({ length: 6 }, (_, i) => withdrawn(i + 3))];
    const d = assessmentExemptions(list, p);
    expect(d.at(-1)).toMatchObject({ complaintId: 'c08', exempt: true, ordinal: 8, teamCount: 8 });
    expect(d.filter((x) => x.exempt)).toHaveLength(6);
  });

  it('orders by receipt whatever the input order', () => {
    const list = Array.from({ length: 9 }, (_, i) => withdrawn(i + 1)).reverse();
    const over = assessmentExemptions(list, p).filter((d) => !d.exempt);
    expect(over.map((d) => d.complaintId)).toEqual(['c09']);
  });

  it('counts per team and per period', () => {
    const list = [
      ...Array.from({ length: 8 }, (_, i) => withdrawn(i + 1)),
      withdrawn(20, { teamId: 't2' }),
      withdrawn(9, { complaintId: 'dec', receivedAt: '2026-12-01T09:00:00+08:00' }),
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

  it('does not exempt a complaint without a rule-following callback withdrawal, but counts it', () => {
    const list = [
      withdrawn(1, { withdrawnAfterCallback: false }),
      withdrawn(2, { callbackFollowedNorm: false }),
      ...Array.from({ length: 7 }, (_, i) => withdrawn(i + 3)),
    ];
    const d = assessmentExemptions(list, p);
    expect(d[0]).toMatchObject({ exempt: false, reason: 'not_withdrawn_after_callback', ordinal: 1 });
    expect(d[1]).toMatchObject({ exempt: false, reason: 'callback_norm_not_followed', ordinal: 2 });
    expect(d.slice(2, 8).every((x) => x.exempt)).toBe(true);
    expect(d[8]).toMatchObject({ complaintId: 'c09', exempt: false, reason: 'over_limit' });
  });

  it('takes the limit from the policy', () => {
    const parsed = parsePolicy({ assessment: { exemptionLimitPerTeamPerPeriod: 2 } });
    if (!parsed.ok) throw new Error('policy refused');
    const d = assessmentExemptions([withdrawn(1), withdrawn(2), withdrawn(3)], parsed.policy);
    expect(d.map((x) => x.exempt)).toEqual([true, true, false]);
  });
});

describe('callback staff assessed "norm not followed": caller not a lead, false note, missed deadline, or spacing', () => {
  it('follows the norm when the lead called on time and the note was true', () => {
    expect(callbackNorm({ callerRole: 'team_lead', noteFalse: false, deadlineMissed: false })).toEqual({ followed: true, reasons: [] });
  });

  it('counts an acting lead or B角 as the lead', () => {
    expect(callbackNorm({ callerRole: 'agent', callerActingAsLead: true, noteFalse: false, deadlineMissed: false }).followed).toBe(true);
  });

  it('names every breach of the norm', () => {
    expect(callbackNorm({ callerRole: 'complaint_officer', noteFalse: true, deadlineMissed: true, spacingViolated: true })).toEqual({
      followed: false,
      reasons: ['caller_not_lead', 'note_false', 'deadline_missed', 'spacing_violated'],
    });
  });

  it('a lead who called too soon after the last attempt did not follow the norm', () => {
    expect(callbackNorm({ callerRole: 'team_lead', noteFalse: false, deadlineMissed: false, spacingViolated: true })).toEqual({
      followed: false,
      reasons: ['spacing_violated'],
    });
  });
});
