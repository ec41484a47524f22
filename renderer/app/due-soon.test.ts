import { describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../../shared/fold/projection';
import { defaultPolicy } from '../../shared/policy/policy';
import { dueSoon, nearestDeadline } from './due-soon';

const now = Date.parse('2026-11-23T06:00:00Z');
function complaint(id: string, change: Partial<ComplaintProjection>): ComplaintProjection {
  return { ...emptyProjection(id, 'gz'), number: id, status: 'filed', ...change };
}

describe('dueSoon', () => {
  it('picks clocks inside their warning window, not breached ones or far ones', () => {
    const list = [
      complaint('soon', { status: 'callback_pending', deadlines: { callback: '2026-11-23T08:00:00Z' } }),
      complaint('late', { status: 'callback_pending', deadlines: { callback: '2026-11-23T05:00:00Z' } }),
      complaint('far', { status: 'callback_pending', deadlines: { callback: '2026-11-25T08:00:00Z' } }),
    ];
    expect(dueSoon(list, now, defaultPolicy).map((d) => d.complaint.id)).toEqual(['soon']);
  });
  it('uses the per-clock window of the policy', () => {
    // handling warns a day ahead by default, callback only four hours ahead.
    const c = complaint('h', {
      status: 'callback_pending',
      deadlines: { handling: '2026-11-24T01:00:00Z', callback: '2026-11-24T01:00:00Z' },
    });
    expect(dueSoon([c], now, defaultPolicy).map((d) => d.clock)).toEqual(['handling']);
  });
  it('ignores closed complaints', () => {
    const c = complaint('x', { status: 'closed', deadlines: { handling: '2026-11-23T07:00:00Z' } });
    expect(dueSoon([c], now, defaultPolicy)).toEqual([]);
  });
});

describe('nearestDeadline', () => {
  it('finds the earliest running clock', () => {
    const c = complaint('n', {
      status: 'callback_pending',
      deadlines: { handling: '2026-12-01T09:00:00Z', callback: '2026-11-24T09:00:00Z' },
    });
    expect(nearestDeadline(c)).toEqual({ clock: 'callback', due: '2026-11-24T09:00:00.000Z' });
    expect(nearestDeadline(complaint('e', {}))).toBeNull();
  });
  it('ignores clocks the complaint is past, such as initial verification once filed', () => {
    const c = complaint('f', {
      status: 'filed',
      milestones: { ...emptyProjection('f', 'gz').milestones, filedAt: '2026-11-20T08:00:00Z' },
      deadlines: { initialVerification: '2026-11-23T07:00:00Z', handling: '2026-12-01T09:00:00Z' },
    });
    expect(nearestDeadline(c)?.clock).toBe('handling');
    expect(dueSoon([c], now, defaultPolicy)).toEqual([]);
  });
});

describe('running clocks (the shared rule)', () => {
  it("warns of a registered complaint's initial-verification deadline", () => {
    const c = complaint('r', {
      status: 'registered',
      deadlines: { initialVerification: '2026-11-23T08:00:00Z', handling: '2026-12-01T09:00:00Z' },
    });
    expect(dueSoon([c], now, defaultPolicy).map((d) => d.clock)).toEqual(['initialVerification']);
    expect(nearestDeadline(c)).toEqual({ clock: 'initialVerification', due: '2026-11-23T08:00:00.000Z' });
  });
});
