import { describe, expect, it } from 'vitest';
import type { ComplaintProjection } from '../fold/projection';
import { branchMarks, branchWhenWritten } from './envelope-branch';

const h = (minute: number) => `2026-12-07T02:${String(minute).padStart(2, '0')}:00.000Z-0000-00000000000000d1`;
const event = (id: string, type: string, minute: number, branchId: string, payload: Record<string, unknown> = {}) =>
  ({ id, type, hlc: h(minute), branchId, payload }) as unknown as ComplaintProjection['events'][number];

describe('branchMarks', () => {
  it('takes the creation branch and each applied transfer, not a refused or superseded one', () => {
    const p = {
      events: [
        event('c', 'complaint.created', 1, 'gz'),
        event('t1', 'complaint.transferred', 2, 'gz', { toBranchId: 'dg' }),
        event('t2', 'complaint.transferred', 3, 'dg', { toBranchId: 'sz' }),
        event('t3', 'complaint.transferred', 4, 'dg', { toBranchId: 'dg' }),
      ],
      timeline: [
        { eventId: 'c', state: 'applied' },
        { eventId: 't1', state: 'applied' },
        { eventId: 't2', state: 'invalid' },
        { eventId: 't3', state: 'superseded' },
      ],
    } as unknown as ComplaintProjection;
    expect(branchMarks(p)).toEqual([
      { hlc: h(1), branchId: 'gz' },
      { hlc: h(2), branchId: 'dg' },
    ]);
  });
});

describe('branchWhenWritten', () => {
  const marks = [
    { hlc: h(5), branchId: 'dg' },
    { hlc: h(1), branchId: 'gz' },
  ];
  it('is the branch set by the last mark stamped before the event, in any order of marks', () => {
    expect(branchWhenWritten(marks, h(3))).toBe('gz');
    expect(branchWhenWritten(marks, h(6))).toBe('dg');
  });
  it('gives an event stamped before every mark the earliest branch, and null without marks', () => {
    expect(branchWhenWritten(marks, h(0))).toBe('gz');
    expect(branchWhenWritten([], h(3))).toBeNull();
  });
});
