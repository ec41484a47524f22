import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';

describe('complaint.transferred', () => {
  it('clears the old branch’s assignee, and the new branch assigns its own', () => {
    const ev = eventFactory('c-1');
    const assigned = [ev('complaint.created', null), ev('complaint.assigned', { assigneeId: 'u-officer-gz' })];
    const moved = fold([...assigned, ev('complaint.transferred', { toBranchId: 'dg' })], defaultFoldContext())!;
    expect(moved.branchId).toBe('dg');
    expect(moved.assigneeId).toBeNull();
    const reassigned = fold(
      [...assigned, ev('complaint.transferred', { toBranchId: 'dg' }), ev('complaint.assigned', { assigneeId: 'u-officer-dg' })],
      defaultFoldContext(),
    )!;
    expect(reassigned.assigneeId).toBe('u-officer-dg');
  });
});
