import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { canWrite } from '../rules/permissions';

const ctx = defaultFoldContext();

describe('withdrawal.reversed', () => {
  it('takes a withdrawal made in error back to intake, where the work order can then be filed', () => {
    const ev = eventFactory('c-1');
    const events = [
      ev('complaint.created', null),
      ev('soothing.recorded', { outcome: 'withdrawn', withdrawalReason: '误点' }),
      ev('withdrawal.reversed', { reason: '客户并未撤销投诉' }, { actor: 'u-lead' }),
      ev('work_order.filed', null),
    ];
    const p = fold(events, ctx)!;
    expect(p.timeline.map((t) => t.state)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(p.status).toBe('filed');
    expect(p.milestones.withdrawnAt).toBeNull();
    // The withdrawal stays in the history.
    expect(p.soothing?.outcome).toBe('withdrawn');
  });

  it('is invalid where nothing was withdrawn, and superseded when a concurrent reversal came first', () => {
    const ev = eventFactory('c-1');
    const early = fold([ev('complaint.created', null), ev('withdrawal.reversed', null)], ctx)!;
    expect(early.timeline.at(-1)).toMatchObject({ state: 'invalid' });
    const twice = fold(
      [ev('complaint.created', null), ev('soothing.recorded', { outcome: 'withdrawn' }), ev('withdrawal.reversed', null), ev('withdrawal.reversed', null)],
      ctx,
    )!;
    expect(twice.timeline.at(-1)).toMatchObject({ state: 'superseded' });
    expect(twice.status).toBe('registered');
  });

  it('is written by a team lead and above, never by the agent who recorded the withdrawal', () => {
    expect(canWrite('team_lead', 'withdrawal.reversed')).toBe(true);
    expect(canWrite('agent', 'withdrawal.reversed')).toBe(false);
  });
});
