import { describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../../shared/fold/projection';
import { attentionLists, attentionOf } from './supervisor-attention';

const complaint = (id: string, change: Partial<ComplaintProjection> = {}): ComplaintProjection => ({
  ...emptyProjection(id, 'gz'),
  number: `N-${id}`,
  status: 'in_progress',
  updatedAt: '2026-11-23T01:00:00.000Z',
  ...change,
});

const entry = (p: ComplaintProjection) => {
  const e = attentionOf(p);
  if (!e) throw new Error(`no entry for ${p.id}`);
  return e;
};

describe('attentionOf', () => {
  it('ignores a complaint with nothing for a supervisor', () => {
    expect(attentionOf(complaint('a', { escalationLevel: 2 }))).toBeNull();
    expect(attentionOf(complaint('a', { refunds: [{ requestId: 'r', amount: 10, withinAuthority: true, decision: 'approved' }] }))).toBeNull();
  });
  it('keeps open complaints escalated to a supervisor, not closed ones', () => {
    expect(entry(complaint('a', { escalationLevel: 3 })).escalated).toBe(true);
    expect(attentionOf(complaint('a', { escalationLevel: 4, status: 'closed' }))).toBeNull();
  });
  it('keeps only the pending refunds and the superseded events', () => {
    const e = entry(
      complaint('a', {
        refunds: [
          { requestId: 'r1', amount: 900, withinAuthority: false, decision: 'pending' },
          { requestId: 'r2', amount: 5, withinAuthority: true, decision: 'denied' },
        ],
        timeline: [
          { eventId: 'e1', type: 'resolution.recorded', hlc: 'h1', actorId: 'u1', occurredAt: '', state: 'applied' },
          { eventId: 'e2', type: 'resolution.recorded', hlc: 'h2', actorId: 'u2', occurredAt: '', state: 'superseded', why: 'later edit won' },
        ],
      }),
    );
    expect(e.pendingRefunds).toEqual([{ requestId: 'r1', amount: 900 }]);
    expect(e.superseded).toEqual([{ eventId: 'e2', type: 'resolution.recorded', actorId: 'u2', why: 'later edit won' }]);
  });
});

describe('attentionLists', () => {
  const refund = { requestId: 'r', amount: 1, withinAuthority: false, decision: 'pending' as const };
  const entries = [
    entry(complaint('old', { refunds: [refund], updatedAt: '2026-01-01T00:00:00.000Z' })),
    entry(complaint('new', { refunds: [refund], escalationLevel: 3, updatedAt: '2026-11-01T00:00:00.000Z' })),
    entry(complaint('dg', { refunds: [refund], ...{ branchId: 'dg' } })),
  ];
  it('puts the most recently changed first, however old the rest', () => {
    expect(attentionLists(entries, 'gz').refunds.map((e) => e.id)).toEqual(['new', 'old']);
    expect(attentionLists(entries, 'gz').escalated.map((e) => e.id)).toEqual(['new']);
  });
  it('keeps to the branch, or takes every branch', () => {
    expect(attentionLists(entries, 'dg').refunds.map((e) => e.id)).toEqual(['dg']);
    expect(attentionLists(entries, null).refunds).toHaveLength(3);
  });
});
