import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/policy';
import { computeAssessment } from './assessment';
import { DIRECTOR, fixtureInput } from '../test-support/report-test-data';

const byNumber = (a: ReturnType<typeof computeAssessment>) => Object.fromEntries(a.decisions.map((d) => [d.number, d]));

describe('assessment: exemption while a team has at most 8 service-quality complaints in the period, callback staff norms', () => {
  it('counts every service-quality complaint against gz-t1 in November: the first eight withdrawals are exempt, S09 is the 11th', () => {
    const a = computeAssessment(fixtureInput());
    const d = byNumber(a);
    for (let i = 1; i <= 8; i++) {
      expect(d[`S0${i}`]).toMatchObject({ outcome: 'exempt', reason: 'exempt', ordinal: i, teamCount: 15, exemptionPeriod: '2026-11', limit: 8 });
    }
    // Received in order S01..S08, X01 (9th), X02 (10th), S09 (11th), X03, C01 (not accepted), V01 (never notified), P01.
    expect(d.S09).toMatchObject({ outcome: 'assessed', reason: 'over_limit', ordinal: 11 });
    expect(d.C01).toMatchObject({ ordinal: 13 });
    expect(d.V01).toMatchObject({ ordinal: 14 });
    expect(d.P01).toMatchObject({ ordinal: 15 });
  });

  it('assesses a withdrawal whose callback broke the norm, counts it, and names the breach', () => {
    const d = byNumber(computeAssessment(fixtureInput()));
    expect(d.X01).toMatchObject({ outcome: 'assessed', reason: 'callback_norm_not_followed', ordinal: 9 });
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
      exemptionUse: [{ period: '2026-11', complaints: 15, qualifying: 9, exempt: 8, overLimit: 1, limit: 8 }],
    });
    const agents = Object.fromEntries(a.agents.map((x) => [x.agentId, x]));
    expect(agents['user-agent.gz']).toMatchObject({ complaints: 13, exempt: 8, assessed: 4, pending: 1, assessedEstablished: 0 });
    expect(agents['user-agent2.gz']).toMatchObject({ complaints: 2, exempt: 0, assessed: 2, assessedEstablished: 2 });
    const staff = Object.fromEntries(a.callbackStaff.map((x) => [x.userId, x]));
    expect(staff['user-lead.gz']).toMatchObject({ callbacks: 12, followed: 10, notFollowed: 2, reasons: { caller_not_lead: 0, note_false: 1, deadline_missed: 1, spacing_violated: 0 } });
    expect(staff['user-supervisor.gz']).toMatchObject({ callbacks: 1, notFollowed: 1, reasons: { caller_not_lead: 1, note_false: 0, deadline_missed: 0, spacing_violated: 0 } });
  });

  it('keeps the count over the whole assessment period whatever the report period and filters', () => {
    const a = computeAssessment(fixtureInput({ period: { from: '2026-11-16', to: '2026-11-30' }, filter: { agentId: 'user-agent.gz' } }));
    expect(a.decisions.map((d) => [d.number, d.reason, d.ordinal])).toEqual([
      ['S09', 'over_limit', 11],
      ['X03', 'callback_norm_not_followed', 12],
      ['P01', 'pending_callback', 15],
    ]);
  });

  it('takes the limit from the policy', () => {
    const parsed = parsePolicy({ assessment: { exemptionLimitPerTeamPerPeriod: 11 } });
    if (!parsed.ok) throw new Error('policy refused');
    const d = byNumber(computeAssessment(fixtureInput({ policy: parsed.policy })));
    expect(d.S09).toMatchObject({ outcome: 'exempt', ordinal: 11, limit: 11 });
  });

  it('sees the dg complaint only in the director scope', () => {
    expect(computeAssessment(fixtureInput()).decisions.some((d) => d.number === 'D01')).toBe(false);
    const d = byNumber(computeAssessment(fixtureInput({ viewer: DIRECTOR })));
    expect(d.D01).toMatchObject({ teamId: 'dg-t1', outcome: 'pending' });
  });
});
