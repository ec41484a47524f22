import { describe, expect, it } from 'vitest';
import { failedAcceptanceConditions } from './acceptance-conditions';

describe('acceptance conditions: a clear respondent, concrete facts, a reachable complainant', () => {
  const ok = { respondent: { agentJobNumbers: ['1001'] }, description: '话务员态度冷淡', phone: '13800138000' };

  it('a complaint naming an agent or a department, with facts and a phone, fails none', () => {
    expect(failedAcceptanceConditions(ok)).toEqual([]);
    expect(failedAcceptanceConditions({ ...ok, respondent: { department: '营业厅' } })).toEqual([]);
  });

  it('no respondent, blank facts and a phone that cannot be dialled each fail their condition', () => {
    expect(failedAcceptanceConditions({ ...ok, respondent: {} })).toEqual(['respondent']);
    expect(failedAcceptanceConditions({ ...ok, respondent: { department: ' ', agentJobNumbers: [' '] } })).toEqual(['respondent']);
    expect(failedAcceptanceConditions({ respondent: null, description: '  ', phone: 'call me' })).toEqual(['respondent', 'facts', 'reachable']);
  });
});
