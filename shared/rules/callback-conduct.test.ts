import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy';
import { attemptConductBreaches, callbackAttemptAllowance } from './callback-conduct';

const at = (hhmm: string) => `2026-11-23T${hhmm}:00.000+08:00`;

describe('callback retries at least callbackMinSpacingHours (3 h) apart', () => {
  it('10:00 then 12:59 breaks the spacing, 10:00 then 13:00 does not', () => {
    const first = [{ at: at('10:00'), reached: false }];
    expect(attemptConductBreaches(first, { at: at('12:59'), reached: false }, defaultPolicy)).toEqual(['spacing_violated']);
    expect(attemptConductBreaches(first, { at: at('13:00'), reached: false }, defaultPolicy)).toEqual([]);
  });

  it('the first call has nothing to be spaced from', () => {
    expect(attemptConductBreaches([], { at: at('10:00'), reached: false }, defaultPolicy)).toEqual([]);
  });
});

describe('at most maxAcceptanceAsksPerCall (2) requests for acceptance in one call', () => {
  it('asking twice is within the norm, three times is pestering', () => {
    expect(attemptConductBreaches([], { at: at('10:00'), reached: true, acceptanceAsks: 2 }, defaultPolicy)).toEqual([]);
    expect(attemptConductBreaches([], { at: at('10:00'), reached: true, acceptanceAsks: 3 }, defaultPolicy)).toEqual([
      'acceptance_asked_too_often',
    ]);
  });
});

describe('one apology call (maxApologyCalls) unless the customer asks for more', () => {
  const reached = [{ at: at('10:00'), reached: true }];
  it('a second call that reaches the customer is one too many', () => {
    expect(attemptConductBreaches(reached, { at: at('14:00'), reached: true }, defaultPolicy)).toEqual(['apology_calls_exceeded']);
  });
  it('unless the customer asked for it', () => {
    expect(attemptConductBreaches(reached, { at: at('14:00'), reached: true, customerAskedForCall: true }, defaultPolicy)).toEqual([]);
  });
  it('unreached tries before the call that reached the customer are not apology calls', () => {
    const tries = [
      { at: at('08:00'), reached: false },
      { at: at('11:00'), reached: false },
    ];
    expect(attemptConductBreaches(tries, { at: at('14:00'), reached: true }, defaultPolicy)).toEqual([]);
  });
});

describe('callbackAttemptAllowance: only used-up attempts refuse a call', () => {
  it('refuses once the complaint went back to the officer, otherwise lists the breaches', () => {
    expect(callbackAttemptAllowance({ attempts: [], unreachable: true }, { at: at('10:00'), reached: true }, defaultPolicy)).toEqual({
      allowed: false,
      reason: 'attempts_used',
    });
    expect(
      callbackAttemptAllowance({ attempts: [{ at: at('10:00'), reached: false }], unreachable: false }, { at: at('11:00'), reached: false }, defaultPolicy),
    ).toEqual({ allowed: true, breaches: ['spacing_violated'] });
  });
});
