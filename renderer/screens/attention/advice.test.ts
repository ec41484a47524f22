import { describe, expect, it } from 'vitest';
import { adviceFor } from './advice';

describe('adviceFor', () => {
  it('sends role and scope refusals to someone who may act', () => {
    expect(adviceFor('role_not_allowed')).toBe('forbidden');
    expect(adviceFor('out_of_scope')).toBe('forbidden');
  });
  it('asks to re-enter invalid data and to re-check a state conflict', () => {
    expect(adviceFor('schema')).toBe('invalid');
    expect(adviceFor('date_out_of_range')).toBe('invalid');
    expect(adviceFor('illegal_state')).toBe('conflict');
    expect(adviceFor('branch_mismatch')).toBe('conflict');
  });
  it('recognises clock trouble by name', () => {
    expect(adviceFor('hlc_skew_exceeded')).toBe('skew');
  });
  it("tells the author of an event stamped too far ahead to fix the workstation's clock", () => {
    expect(adviceFor('clock_ahead')).toBe('clockAhead');
  });
  it('falls back to a general instruction for codes it does not know', () => {
    expect(adviceFor('something_new')).toBe('default');
  });
});

describe('adviceFor a complaint transferred away', () => {
  it('does not send a refusal caused by the transfer to the lead', () => {
    expect(adviceFor('out_of_scope', { transferredAway: true })).toBe('transferred');
    expect(adviceFor('out_of_scope', { transferredAway: false })).toBe('forbidden');
    expect(adviceFor('illegal_state', { transferredAway: true })).toBe('conflict');
    // A hub's refusal central overruled, on a complaint gone since: nothing to redo.
    expect(adviceFor('accepted_then_moved')).toBe('transferred');
  });
});
