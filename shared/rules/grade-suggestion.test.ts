import { describe, expect, it } from 'vitest';
import { gradeSuggestion } from './grade-suggestion';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const p = defaultPolicy;
const base = { description: '话务员态度冷漠，没有解决我的问题', customerType: 'ordinary' as const, isRepeat: false };

describe('grading: urgent keywords → 3, VIP → at least 2, repeat → 4', () => {
  it('suggests general (1) when nothing special applies', () => {
    expect(gradeSuggestion(base, p)).toEqual({ grade: 1, reasons: [{ code: 'general' }] });
  });

  it('suggests urgent (3) on a Chinese urgent keyword, naming it', () => {
    const s = gradeSuggestion({ ...base, description: '维修工上门后燃气泄漏，家人受伤' }, p);
    expect(s.grade).toBe(3);
    expect(s.reasons[0]).toEqual({ code: 'urgent_keywords', keywords: ['受伤'] });
  });

  it('finds keywords in the demands too, and full-width digits', () => {
    expect(gradeSuggestion({ ...base, demands: '不解决就打１２３１５' }, p).grade).toBe(3);
  });

  it('matches English keywords as words, ignoring case', () => {
    expect(gradeSuggestion({ ...base, description: 'I will SUE you' }, p).grade).toBe(3);
    expect(gradeSuggestion({ ...base, description: 'There is an issue with my bill' }, p).grade).toBe(1);
    expect(gradeSuggestion({ ...base, description: 'Contacted my lawyer.' }, p).grade).toBe(3);
  });

  it('gives a VIP at least important (2)', () => {
    expect(gradeSuggestion({ ...base, customerType: 'vip' }, p)).toEqual({ grade: 2, reasons: [{ code: 'vip' }] });
    expect(gradeSuggestion({ ...base, customerType: 'professional' }, p).grade).toBe(1);
  });

  it('suggests repeat (4) within the window, over VIP', () => {
    const s = gradeSuggestion({ ...base, customerType: 'vip', isRepeat: true }, p);
    expect(s.grade).toBe(4);
    expect(s.reasons.map((r) => r.code)).toEqual(['repeat', 'vip']);
  });

  it('lets urgency outrank a repeat and keeps both reasons', () => {
    const s = gradeSuggestion({ ...base, description: '我要报警', isRepeat: true }, p);
    expect(s.grade).toBe(3);
    expect(s.reasons.map((r) => r.code)).toEqual(['urgent_keywords', 'repeat']);
  });

  it('reads its keywords from the policy', () => {
    const parsed = parsePolicy({ urgentKeywords: { zh: ['停电'], en: [] } });
    if (!parsed.ok) throw new Error('policy refused');
    expect(gradeSuggestion({ ...base, description: '小区停电三天' }, parsed.policy).grade).toBe(3);
    expect(gradeSuggestion({ ...base, description: '我要报警' }, parsed.policy).grade).toBe(1);
  });
});
