import { describe, expect, it } from 'vitest';
import { ESTABLISHED_CRITERIA, evaluateEstablished, isEstablishedCriterion } from './established-criteria';
import { defaultPolicy } from '../policy/policy';

describe('a service-quality complaint is established (成立) when any criterion held', () => {
  it('lists the checklist of the norm with both languages', () => {
    expect(ESTABLISHED_CRITERIA).toHaveLength(9);
    for (const c of ESTABLISHED_CRITERIA) {
      expect(c.zh.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
    expect(new Set(ESTABLISHED_CRITERIA.map((c) => c.code)).size).toBe(9);
  });

  it('is established when one criterion held', () => {
    expect(evaluateEstablished({ held: ['taboo_phrases'] }, defaultPolicy)).toEqual({
      established: true,
      met: ['taboo_phrases'],
      unknown: [],
      suggestedFinding: 'established',
    });
  });

  it('is not established when none held', () => {
    expect(evaluateEstablished({ held: [] }, defaultPolicy)).toMatchObject({ established: false, suggestedFinding: 'not_established' });
  });

  it('counts a wait over the policy limit (60 s) on one issue', () => {
    expect(evaluateEstablished({ held: [], longestWaitSeconds: 61 }, defaultPolicy).met).toEqual(['repeat_or_wait']);
    expect(evaluateEstablished({ held: [], longestWaitSeconds: 60 }, defaultPolicy).established).toBe(false);
  });

  it('keeps checklist order and reports unknown codes without counting them', () => {
    const r = evaluateEstablished({ held: ['unkept_promise', 'made_up', 'wrong_or_incomplete'] }, defaultPolicy);
    expect(r.met).toEqual(['wrong_or_incomplete', 'unkept_promise']);
    expect(r.unknown).toEqual(['made_up']);
    expect(evaluateEstablished({ held: ['made_up'] }, defaultPolicy).established).toBe(false);
    expect(isEstablishedCriterion('hang_up_norm')).toBe(true);
    expect(isEstablishedCriterion('made_up')).toBe(false);
  });
});
