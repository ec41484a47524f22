import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPolicy, parsePolicy } from '../policy/policy';
import { withdrawalDoubts } from './withdrawal-doubt';

describe('withdrawalDoubts', () => {
  it('finds none for an ordinary general complaint without threats', () => {
    expect(withdrawalDoubts({ grade: 1, customerType: 'ordinary', text: '话务员态度冷淡' }, defaultPolicy)).toEqual([]);
  });

  it('doubts an urgent grade, a VIP or 专业户, and threats to go to the media or a regulator', () => {
    expect(withdrawalDoubts({ grade: 3, customerType: 'ordinary', text: '' }, defaultPolicy)).toEqual([{ kind: 'grade', grade: 3 }]);
    expect(withdrawalDoubts({ grade: 1, customerType: 'vip', text: '' }, defaultPolicy)).toEqual([{ kind: 'customerType', customerType: 'vip' }]);
    expect(withdrawalDoubts({ grade: 1, customerType: 'professional', text: '' }, defaultPolicy)).toHaveLength(1);
    expect(withdrawalDoubts({ grade: 1, customerType: 'ordinary', text: '再不解决我就找媒体曝光' }, defaultPolicy)).toEqual([
      { kind: 'threat', keywords: ['媒体', '曝光'] },
    ]);
    expect(withdrawalDoubts({ grade: 1, customerType: 'ordinary', text: 'I will write to the regulator' }, defaultPolicy)).toEqual([
      { kind: 'threat', keywords: ['regulator'] },
    ]);
  });

  it('follows the policy an administrator edited', () => {
    const r = parsePolicy({ ...defaultPolicy, withdrawal: { doubtfulGrades: [2, 3], doubtfulCustomerTypes: [], threatKeywords: { zh: [], en: [] } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(withdrawalDoubts({ grade: 2, customerType: 'vip', text: '媒体' }, r.policy)).toEqual([{ kind: 'grade', grade: 2 }]);
  });

  it('an older policy without the block takes the defaults', () => {
    const { withdrawal: _w, ...older } = defaultPolicy;
    const r = parsePolicy(older);
    expect(r.ok && r.policy.withdrawal).toEqual(defaultPolicy.withdrawal);
  });

  it('never doubts less when more is wrong (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4 as const), fc.constantFrom('ordinary', 'vip', 'professional' as const), fc.string(), (grade, type, text) => {
        const base = withdrawalDoubts({ grade: grade as 1, customerType: type as 'vip', text }, defaultPolicy).length;
        const more = withdrawalDoubts({ grade: grade as 1, customerType: type as 'vip', text: `${text} 媒体` }, defaultPolicy);
        expect(more.length).toBeGreaterThanOrEqual(base);
        expect(more.some((d) => d.kind === 'threat')).toBe(true);
      }),
    );
  });
});
