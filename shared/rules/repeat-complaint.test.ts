import { describe, expect, it } from 'vitest';
import { matchablePhone, normalisePhone, phoneWorthMatching, repeatComplaint } from './repeat-complaint';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const current = { id: 'c9', phone: '138 0013 8000', category: 'attitude' as const, receivedAt: '2026-11-23T10:00:00+08:00' };

describe('repeat complaint: same phone, same category, within the window', () => {
  it('finds an earlier complaint from the same number in the same category', () => {
    const priors = [
      { id: 'c1', phone: '+86 138-0013-8000', category: 'attitude' as const, receivedAt: '2026-11-10T10:00:00+08:00' },
      { id: 'c2', phone: '13800138000', category: 'price' as const, receivedAt: '2026-11-20T10:00:00+08:00' },
      { id: 'c3', phone: '13900139000', category: 'attitude' as const, receivedAt: '2026-11-20T10:00:00+08:00' },
      { id: 'c4', phone: '0086 13800138000', category: 'attitude' as const, receivedAt: '2026-11-22T10:00:00+08:00' },
    ];
    expect(repeatComplaint(current, priors, defaultPolicy)).toEqual({ repeat: true, priorIds: ['c4', 'c1'] });
  });

  it('ignores complaints outside the window, later ones and itself', () => {
    const priors = [
      { id: 'old', phone: '13800138000', category: 'attitude' as const, receivedAt: '2026-10-23T09:59:59+08:00' },
      { id: 'later', phone: '13800138000', category: 'attitude' as const, receivedAt: '2026-11-24T10:00:00+08:00' },
      current,
    ];
    expect(repeatComplaint(current, priors, defaultPolicy)).toEqual({ repeat: false, priorIds: [] });
  });

  it('counts the window edge in', () => {
    const edge = { id: 'edge', phone: '13800138000', category: 'attitude' as const, receivedAt: '2026-10-24T10:00:00+08:00' };
    expect(repeatComplaint(current, [edge], defaultPolicy).repeat).toBe(true);
  });

  it('orders two received at the same moment by id, so only one is the repeat', () => {
    const twin = { ...current, id: 'c0' };
    expect(repeatComplaint(current, [twin], defaultPolicy).repeat).toBe(true);
    expect(repeatComplaint(twin, [current], defaultPolicy).repeat).toBe(false);
  });

  it('takes the window from the policy', () => {
    const parsed = parsePolicy({ repeatComplaint: { windowDays: 7 } });
    if (!parsed.ok) throw new Error('policy refused');
    const prior = { id: 'c1', phone: '13800138000', category: 'attitude' as const, receivedAt: '2026-11-10T10:00:00+08:00' };
    expect(repeatComplaint(current, [prior], parsed.policy).repeat).toBe(false);
  });

  it('normalises phone numbers', () => {
    expect(normalisePhone('+86 (138) 0013-8000')).toBe('13800138000');
    expect(normalisePhone('020-8888 8888')).toBe('02088888888');
    expect(normalisePhone('１３８００１３８０００')).toBe('13800138000');
  });
});

describe('a phone worth matching for the repeat check', () => {
  it('has at least five digits once the country code and separators are gone', () => {
    expect(phoneWorthMatching('1380')).toBe(false);
    expect(phoneWorthMatching('0086 1380')).toBe(false);
    expect(phoneWorthMatching('13800')).toBe(true);
    expect(phoneWorthMatching('138-00')).toBe(true);
  });

  it('hands the repeat check the digits it looks up, or nothing to look up', () => {
    expect(matchablePhone('0086 138-00')).toBe('13800');
    expect(matchablePhone('+86 (138) 0013-8000')).toBe('13800138000');
    expect(matchablePhone('0086 1380')).toBeNull();
  });
});
