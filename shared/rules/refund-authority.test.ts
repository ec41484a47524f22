import { describe, expect, it } from 'vitest';
import { refundAuthority } from './refund-authority';
import { defaultPolicy, parsePolicy } from '../policy/policy';

describe('refund within authority: promise and request; beyond: note, a supervisor approves', () => {
  it('lets the agent promise up to the limit', () => {
    expect(refundAuthority(20, defaultPolicy)).toMatchObject({ withinAuthority: true, action: 'promise_and_request' });
    expect(refundAuthority(50, defaultPolicy).withinAuthority).toBe(true);
  });

  it('sends anything above it for approval by a supervisor', () => {
    expect(refundAuthority(50.01, defaultPolicy)).toMatchObject({
      withinAuthority: false,
      action: 'note_for_approval',
      approverRole: 'supervisor',
      limit: 50,
    });
  });

  it('compares money in cents', () => {
    const parsed = parsePolicy({ refund: { authorityAmount: 0.3 } });
    if (!parsed.ok) throw new Error('policy refused');
    expect(refundAuthority(0.1 + 0.2, parsed.policy).withinAuthority).toBe(true);
  });

  it('refuses a non-positive amount', () => {
    expect(() => refundAuthority(0, defaultPolicy)).toThrow(RangeError);
    expect(() => refundAuthority(Number.NaN, defaultPolicy)).toThrow(RangeError);
  });
});
