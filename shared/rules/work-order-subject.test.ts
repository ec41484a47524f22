import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../policy/policy';
import { workOrderSubject } from './work-order-subject';

describe('work-order subject from the policy template by category', () => {
  it('a service-quality complaint (attitude, business error, process) is 投诉申告-服务质量-10086热线 by default', () => {
    for (const c of ['attitude', 'business_error', 'process'] as const) {
      expect(workOrderSubject(c, defaultPolicy)).toBe('投诉申告-服务质量-10086热线');
    }
    expect(workOrderSubject('price', defaultPolicy)).toBe('投诉申告-价格-10086热线');
    expect(workOrderSubject(null, defaultPolicy)).toBe('投诉申告-其他-10086热线');
  });

  it("a centre's own template replaces the default", () => {
    const parsed = parsePolicy({ workOrder: { subjectByCategory: { attitude: '投诉申告-服务质量-400热线' } } });
    if (!parsed.ok) throw new Error('policy');
    expect(workOrderSubject('attitude', parsed.policy)).toBe('投诉申告-服务质量-400热线');
    expect(workOrderSubject('process', parsed.policy)).toBe('投诉申告-服务质量-10086热线');
  });
});
