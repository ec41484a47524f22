import { describe, expect, it } from 'vitest';
import { computeAssessment } from './assessment';
import { fixtureInput } from '../test-support/report-test-data';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';

describe('soothing and spacing violations are assessed, with the complaints behind each number', () => {
  it('counts work orders filed without the three soothing steps per person who filed them', () => {
    const a = computeAssessment(fixtureInput());
    // Every phone work order of the fixture in November was filed with no soothing recorded:
    // S01–S09, X01–X03 and P01 by 李俊杰 (agent2), C01 and V01 by 陈晓琳 (agent); D01 is dg's.
    const byUser = Object.fromEntries(a.filedWithoutSoothing.map((x) => [x.userId, x]));
    expect(byUser['user-agent2.gz']?.count).toBe(13);
    expect(byUser['user-agent.gz']).toMatchObject({ count: 2, ids: ['rpt-c01', 'rpt-v01'] });
  });

  it('lists per callback staff the complaints whose attempts broke the spacing rule (none in the fixture)', () => {
    const a = computeAssessment(fixtureInput());
    for (const s of a.callbackStaff) expect(s.spacingViolationIds).toEqual([]);
  });
});

describe('a callback attempt sooner than the spacing after the last is assessed against the lead', () => {
  it('two attempts one hour apart: the lead did not follow the norm, and the complaint is one click away', () => {
    const ev = eventFactory('c-spacing');
    const LEAD = 'user-lead.gz';
    // T0 = Monday 2026-11-23 09:00 Shanghai.
    const p = fold(
      [
        ev('complaint.created', { respondent: { agentJobNumbers: ['1001'] }, category: 'attitude' }, { at: 0, actor: 'user-agent2.gz' }),
        ev('soothing.recorded', { steps: { calmed: true, understood: true, offeredSolution: true } }, { at: 1, actor: 'user-agent2.gz' }),
        ev('work_order.filed', null, { at: 2, actor: 'user-agent2.gz' }),
        ev('parties.notified', { agentIds: ['user-agent.gz'], leadIds: [LEAD] }, { at: 60, actor: 'user-officer.gz' }),
        ev('callback.attempted', { reached: false, serial: 'CB-1' }, { at: 120, actor: LEAD }),
        ev('callback.attempted', { reached: true, serial: 'CB-2', customerAccepted: true }, { at: 180, actor: LEAD }),
        ev('callback.mid_course_note', { callbackSerial: 'CB-2', customerAccepted: true }, { at: 190, actor: LEAD }),
        ev('officer.reviewed', { decision: 'revoked' }, { at: 240, actor: 'user-officer.gz' }),
      ],
      defaultFoldContext(),
    )!;
    expect(p.flags.callbackSpacingViolated).toBe(true);
    const base = fixtureInput();
    const a = computeAssessment({ ...base, complaints: [...base.complaints, p] });
    const lead = a.callbackStaff.find((x) => x.userId === LEAD);
    expect(lead?.spacingViolationIds).toEqual(['c-spacing']);
    expect(lead?.reasons.spacing_violated).toBe(1);
    expect(a.decisions.find((d) => d.complaintId === 'c-spacing')).toMatchObject({ outcome: 'assessed', reason: 'callback_norm_not_followed' });
  });
});
