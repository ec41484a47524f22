import { describe, expect, it } from 'vitest';
import { defaultPolicy, handlingWorkingDays, parsePolicy, parsePolicyPatch, policySchema, warningWindowMs } from './policy';

describe('the policy pack holds the numbers of the norm as data', () => {
  it('has the domain defaults', () => {
    expect(defaultPolicy.deadlines.handlingWorkingDaysByGrade).toEqual({ '1': 7, '2': 15, '3': 2, '4': 10 });
    expect(handlingWorkingDays(defaultPolicy, 3)).toBe(2);
    expect(defaultPolicy.deadlines.acceptanceReviewWorkingDays).toBe(2);
    expect(defaultPolicy.deadlines.initialVerificationHours).toBe(24);
    expect(defaultPolicy.deadlines.writtenResultHours).toBe(48);
    expect(defaultPolicy.deadlines.surveyWorkingDays).toBe(2);
    expect(defaultPolicy.dayEnd).toBe('17:00');
    expect(defaultPolicy.timeZone).toBe('Asia/Shanghai');
    expect(defaultPolicy.secondResolution).toMatchObject({
      callbackDueDays: 1,
      callbackDayCounting: 'calendar',
      callbackMinSpacingHours: 3,
      maxCallbackAttempts: 3,
      maxAcceptanceAsksPerCall: 2,
    });
    expect(defaultPolicy.assessment.exemptionLimitPerTeamPerPeriod).toBe(8);
    expect(defaultPolicy.escalation.ladder.map((r) => r.role)).toEqual([
      'agent',
      'team_lead',
      'complaint_officer',
      'supervisor',
      'director',
    ]);
  });

  it('no dead policy: a stored policy with the removed fields (general reply, complex investigation, rings, first response) still reads, without them', () => {
    const stored = JSON.parse(JSON.stringify(defaultPolicy));
    stored.deadlines.generalReplyWorkingDays = 3;
    stored.deadlines.complexInvestigationWorkingDays = 7;
    stored.reception = { ...stored.reception, answerWithinRings: 3, firstResponseMinutesOnSite: 15, firstResponseMinutesOnline: 2 };
    const read = parsePolicy(stored, { fillDefaults: false });
    expect(read).toEqual({ ok: true, policy: defaultPolicy });
  });

  it('a policy stored before the work-order and feedback fields gets their defaults', () => {
    const stored = JSON.parse(JSON.stringify(defaultPolicy));
    delete stored.workOrder;
    delete stored.feedback;
    const read = parsePolicy(stored);
    expect(read.ok && read.policy.workOrder.subjectByCategory.attitude).toBe('投诉申告-服务质量-10086热线');
    expect(read.ok && read.policy.feedback.resultInWriting).toBe(false);
  });

  it('is valid against its own schema and survives JSON', () => {
    expect(policySchema.safeParse(defaultPolicy).success).toBe(true);
    const roundTrip = parsePolicy(JSON.parse(JSON.stringify(defaultPolicy)), { fillDefaults: false });
    expect(roundTrip).toEqual({ ok: true, policy: defaultPolicy });
  });

  it('is frozen so nobody changes the defaults under everyone else', () => {
    expect(Object.isFrozen(defaultPolicy.deadlines.handlingWorkingDaysByGrade)).toBe(true);
    expect(() => {
      (defaultPolicy.urgentKeywords.zh as string[]).push('x');
    }).toThrow(TypeError);
  });

  it('fills missing fields from the defaults (an older server policy still reads)', () => {
    const r = parsePolicy({ revision: 7, deadlines: { handlingWorkingDaysByGrade: { '1': 3, '2': 5 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.revision).toBe(7);
    expect(r.policy.deadlines.handlingWorkingDaysByGrade).toEqual({ '1': 3, '2': 5, '3': 2, '4': 10 });
    expect(r.policy.deadlines.writtenResultHours).toBe(48);
  });

  it('replaces lists rather than merging them', () => {
    const r = parsePolicy({ urgentKeywords: { zh: ['火警'] } });
    expect(r.ok && r.policy.urgentKeywords.zh).toEqual(['火警']);
    expect(r.ok && r.policy.urgentKeywords.en).toEqual(defaultPolicy.urgentKeywords.en);
  });

  it('refuses a bad value with its path, never half-applies', () => {
    const r = parsePolicy({ dayEnd: '5pm', deadlines: { surveyWorkingDays: -1 }, timeZone: 'Mars/Olympus' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['dayEnd', 'deadlines.surveyWorkingDays', 'timeZone']));
  });

  it('refuses a ladder out of order and a holiday that is not a day', () => {
    const ladder = [...defaultPolicy.escalation.ladder].reverse();
    expect(parsePolicy({ escalation: { ladder } }).ok).toBe(false);
    expect(parsePolicy({ calendar: { extraHolidays: ['2026-13-01'] } }).ok).toBe(false);
  });

  it('refuses a non-object without throwing', () => {
    expect(parsePolicy('policy').ok).toBe(false);
    expect(parsePolicy(null).ok).toBe(false);
    expect(parsePolicy({}, { fillDefaults: false }).ok).toBe(false);
  });

  it('gives each clock its warning window', () => {
    expect(warningWindowMs(defaultPolicy)).toBe(4 * 3_600_000);
    expect(warningWindowMs(defaultPolicy, 'handling')).toBe(24 * 3_600_000);
    expect(warningWindowMs(defaultPolicy, 'callback')).toBe(4 * 3_600_000);
  });

  it('applies an admin patch over the current policy, not the defaults', () => {
    const current = parsePolicy({ revision: 3, dayEnd: '18:00' });
    if (!current.ok) throw new Error('policy refused');
    const r = parsePolicyPatch(current.policy, { refund: { authorityAmount: 100 } });
    expect(r.ok && r.policy.dayEnd).toBe('18:00');
    expect(r.ok && r.policy.refund).toEqual({ authorityAmount: 100, currency: 'CNY' });
    expect(parsePolicyPatch(current.policy, { survey: { scaleMax: 7 } }).ok).toBe(false);
    expect(parsePolicyPatch(current.policy, []).ok).toBe(false);
  });
});
