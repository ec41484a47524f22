import { describe, expect, it } from 'vitest';
import { REJECT } from './reasons';
import { relaysUp } from './relay-up';

describe('relaysUp: what a hub leaves to central', () => {
  it('relays what it accepted and what it refused for the state it knew', () => {
    expect(relaysUp(null)).toBe(true);
    for (const r of [REJECT.illegalState('x'), REJECT.unknownComplaint(), REJECT.outOfScope(), REJECT.branchMismatch('gz', 'dg'), REJECT.unknownBranch(), REJECT.roleNotAllowed('agent', 'complaint.closed'), REJECT.clockAhead(1, 1)]) {
      expect(relaysUp(r.code), r.code).toBe(true);
    }
  });

  it('keeps what central could not judge: unreadable events, another author than who signed in, a taken id', () => {
    for (const r of [REJECT.tooDeep(), REJECT.unstorableText(), REJECT.actorMismatch(), REJECT.duplicateId()]) expect(relaysUp(r.code), r.message).toBe(false);
    expect(relaysUp('unknown_type')).toBe(false);
  });
});
