import { describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../../shared/fold/projection';
import { availableActions } from './complaint-actions';

function complaint(change: Partial<ComplaintProjection>): ComplaintProjection {
  return { ...emptyProjection('c1', 'gz'), number: 'GZ-1', ...change };
}

describe('availableActions', () => {
  it('lets an agent escalate an open complaint but not transfer it', () => {
    const a = availableActions('agent', complaint({ status: 'registered' }));
    expect(a.has('escalate')).toBe(true);
    expect(a.has('transfer')).toBe(false);
    expect(a.has('fileWorkOrder')).toBe(true);
  });

  it('offers no escalation at the top of the ladder', () => {
    expect(availableActions('director', complaint({ status: 'in_progress', escalationLevel: 4 })).has('escalate')).toBe(false);
  });

  it('offers the callback actions to a lead only while the callback is pending', () => {
    const pending = availableActions('team_lead', complaint({ status: 'callback_pending' }));
    expect(pending.has('callbackAttempt')).toBe(true);
    expect(pending.has('midCourseNote')).toBe(true);
    const agent = availableActions('agent', complaint({ status: 'callback_pending' }));
    expect(agent.has('callbackAttempt')).toBe(false);
    const later = availableActions('team_lead', complaint({ status: 'in_progress' }));
    expect(later.has('callbackAttempt')).toBe(false);
  });

  it('lets officers notify the parties once a work order is filed', () => {
    expect(availableActions('complaint_officer', complaint({ status: 'filed' })).has('notifyParties')).toBe(true);
    expect(availableActions('agent', complaint({ status: 'filed' })).has('notifyParties')).toBe(false);
  });

  it('only reopens what is closed or revoked, and closes what is resolved', () => {
    const closed = availableActions('supervisor', complaint({ status: 'closed' }));
    expect(closed.has('reopen')).toBe(true);
    expect(closed.has('escalate')).toBe(false);
    expect(closed.has('close')).toBe(false);
    expect(availableActions('supervisor', complaint({ status: 'resolved' })).has('close')).toBe(true);
  });

  it('gives refund decisions to supervisors when a request is pending', () => {
    const withRequest = complaint({
      status: 'in_progress',
      refunds: [{ requestId: 'r1', amount: 80, withinAuthority: false, decision: 'pending' }],
    });
    expect(availableActions('supervisor', withRequest).has('refundDecision')).toBe(true);
    expect(availableActions('complaint_officer', withRequest).has('refundDecision')).toBe(false);
  });
});
