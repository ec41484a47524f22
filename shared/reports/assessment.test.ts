import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/policy';
import { computeAssessment } from './assessment';
import { DIRECTOR, fixtureInput } from './test-data';

const byNumber = (a: ReturnType<typeof computeAssessment>) => Object.fromEntries(a.decisions.map((d) => [d.number, d]));

describe('assessment: exemption up to 8 per team per period, callback staff norms', () => {
  it('exempts the first eight rule-following withdrawals of gz-t1 in November and assesses the ninth', () => {
    const a = computeAssessment(fixtureInput());
    const d = byNumber(a);
    for (let i = 1; i <= 8; i++) {
      expect(d[`S0${i}`]).toMatchObject({ outcome: 'exempt', reason: 'exempt', ordinal: i, exemptionPeriod: '2026-11', limit: 8 });
    }
    expect(d.S09).toMatchObject({ outcome: 'assessed', reason: 'over_limit', ordinal: 9 });
  });

  it('does not let a withdrawal with a broken callback norm use a slot, and names the breach', () => {
    const d = byNumber(computeAssessment(fixtureInput()));
    // X01 (12th) came before S09 (16th): had it counted, S09 would be the 10th.
    expect(d.X01).toMatchObject({ outcome: 'assessed', reason: 'callback_norm_not_followed' });
    expect(d.X01?.ordinal).toBeUndefined();
    expect(d.X01?.callback).toMatchObject({ callerId: 'user-supervisor.gz', callerRole: 'supervisor', followed: false, reasons: ['caller_not_lead'] });
    // Notified Fri 13th 11:00 → due Sat 14th 17:00 (calendar days); noted Tue 17th.
    expect(d.X02?.callback).toMatchObject({ reasons: ['deadline_missed'], dueAt: '2026-11-14T09:00:00.000Z', calledAt: '2026-11-17T02:30:00.000Z' });
    // The call was not accepted, the note says it was.
    expect(d.X03?.callback?.reasons).toEqual(['note_false']);
  });

  it('explains the other outcomes', () => {
    const d = byNumber(computeAssessment(fixtureInput()));
    expect(d.C01).toMatchObject({ outcome: 'assessed', reason: 'not_withdrawn_after_callback', established: true });
    expect(d.C01?.callback?.followed).toBe(true);
    expect(d.V01).toMatchObject({ outcome: 'assessed', reason: 'no_second_resolution', secondResolutionReasons: ['vip_or_professional'], callback: null });
    expect(d.P01).toMatchObject({ outcome: 'pending', reason: 'pending_callback' });
  });

  it('totals per team, agent and callback staff', () => {
    const a = computeAssessment(fixtureInput());
    expect(a.teams).toHaveLength(1);
    expect(a.teams[0]).toMatchObject({
      teamId: 'gz-t1', complaints: 15, exempt: 8, assessed: 6, pending: 1, assessedEstablished: 2,
      exemptionUse: [{ period: '2026-11', qualifying: 9, exempt: 8, overLimit: 1, limit: 8 }],
    });
    const agents = Object.fromEntries(a.agents.map((x) => [x.agentId, x]));
    expect(agents['user-agent.gz']).toMatchObject({ complaints: 13, exempt: 8, assessed: 4, pending: 1, assessedEstablished: 0 });
    expect(agents['user-agent2.gz']).toMatchObject({ complaints: 2, exempt: 0, assessed: 2, assessedEstablished: 2 });
    const staff = Object.fromEntries(a.callbackStaff.map((x) => [x.userId, x]));
    expect(staff['user-lead.gz']).toMatchObject({ callbacks: 12, followed: 10, notFollowed: 2, reasons: { caller_not_lead: 0, note_false: 1, deadline_missed: 1 } });
    expect(staff['user-supervisor.gz']).toMatchObject({ callbacks: 1, notFollowed: 1, reasons: { caller_not_lead: 1, note_false: 0, deadline_missed: 0 } });
  });

  it('keeps the count over the whole assessment period whatever the report period and filters', () => {
    const a = computeAssessment(fixtureInput({ period: { from: '2026-11-16', to: '2026-11-30' }, filter: { agentId: 'user-agent.gz' } }));
    expect(a.decisions.map((d) => [d.number, d.reason, d.ordinal])).toEqual([
      ['S09', 'over_limit', 9],
      ['X03', 'callback_norm_not_followed', undefined],
      ['P01', 'pending_callback', undefined],
    ]);
  });

  it('takes the limit from the policy', () => {
    const parsed = parsePolicy({ assessment: { exemptionLimitPerTeamPerPeriod: 9 } });
    if (!parsed.ok) throw new Error('policy refused');
    const d = byNumber(computeAssessment(fixtureInput({ policy: parsed.policy })));
    expect(d.S09).toMatchObject({ outcome: 'exempt', ordinal: 9, limit: 9 });
  });

  it('sees the dg complaint only in the director scope', () => {
    expect(computeAssessment(fixtureInput()).decisions.some((d) => d.number === 'D01')).toBe(false);
    const d = byNumber(computeAssessment(fixtureInput({ viewer: DIRECTOR })));
    expect(d.D01).toMatchObject({ teamId: 'dg-t1', outcome: 'pending' });
  });
});
