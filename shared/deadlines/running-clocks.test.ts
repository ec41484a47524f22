import { describe, expect, it } from 'vitest';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory, HOUR, MINUTE } from '../test-support/fold-fixtures';
import type { ComplaintProjection } from '../fold/projection';
import { breachEventId } from '../ids/breach-id';
import { defaultPolicy, type Policy } from '../policy/policy';
import {
  breachedClocks,
  clocksDueSoon,
  clockRunning,
  complaintEnded,
  dueTimes,
  runningClockNames,
  runningClocks,
} from './running-clocks';

const ctx = defaultFoldContext();
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 24 * HOUR;

function must(p: ComplaintProjection | null): ComplaintProjection {
  if (p === null) throw new Error('expected a projection');
  return p;
}

function filed() {
  const ev = eventFactory();
  return { ev, events: [ev('complaint.created', { grade: 1 }, { at: 0 }), ev('soothing.recorded', null, { at: 1 }), ev('work_order.filed', null, { at: 2 })] };
}

describe('a clock runs until the step it times happened', () => {
  it('a registered complaint runs acceptance review, initial verification and handling', () => {
    const ev = eventFactory();
    const p = must(fold([ev('complaint.created', { grade: 1 }, { at: 0 })], ctx));
    expect(runningClockNames(p).sort()).toEqual(['acceptanceReview', 'handling', 'initialVerification']);
  });

  it('filing the work order stops acceptance review and initial verification', () => {
    const { events } = filed();
    const p = must(fold(events, ctx));
    expect(clockRunning(p, 'acceptanceReview')).toBe(false);
    expect(clockRunning(p, 'initialVerification')).toBe(false);
    expect(runningClockNames(p)).toEqual(['handling']);
  });

  it('the 二解 callback clock stops at the mid-course note, not at the first attempt', () => {
    const { ev, events } = filed();
    const notified = must(fold([...events, ev('parties.notified', null, { at: 10 })], ctx));
    expect(runningClockNames(notified)).toContain('callback');
    const attemptedEvents = [...events, ev('parties.notified', null, { at: 10 }), ev('callback.attempted', { reached: true }, { at: 60 })];
    const attempted = must(fold(attemptedEvents, ctx));
    expect(clockRunning(attempted, 'callback')).toBe(true);
    const noted = must(fold([...attemptedEvents, ev('callback.mid_course_note', null, { at: 70 })], ctx));
    expect(clockRunning(noted, 'callback')).toBe(false);
  });

  it('resolution stops handling and starts the written result, which stops when the customer is told', () => {
    const { ev, events } = filed();
    const resolved = must(fold([...events, ev('resolution.recorded', null, { at: 20 })], ctx));
    expect(clockRunning(resolved, 'handling')).toBe(false);
    expect(runningClockNames(resolved)).toContain('writtenResult');
    const told = must(fold([...events, ev('resolution.recorded', null, { at: 20 }), ev('customer.notified', null, { at: 21 })], ctx));
    expect(clockRunning(told, 'writtenResult')).toBe(false);
  });

  it('every clock stops once the complaint has ended', () => {
    const { ev, events } = filed();
    const closed = must(
      fold(
        [
          ...events,
          ev('resolution.recorded', null, { at: 20 }),
          ev('customer.notified', null, { at: 21 }),
          ev('complaint.closed', null, { at: 23 }),
        ],
        ctx,
      ),
    );
    expect(complaintEnded(closed.status)).toBe(true);
    expect(runningClocks(closed)).toEqual([]);
    expect(dueTimes(closed)).toEqual({ nextDue: null, watchDue: null });
  });

  it('lists running clocks nearest first, in UTC', () => {
    const ev = eventFactory();
    const p = must(fold([ev('complaint.created', { grade: 1 }, { at: 0 })], ctx));
    const dues = runningClocks(p).map((c) => c.due);
    expect(dues).toEqual([...dues].sort());
    expect(dues.every((d) => d.endsWith('Z'))).toBe(true);
    expect(dueTimes(p).nextDue).toBe(dues[0]);
  });
});

describe('a breached clock is escalated once', () => {
  it('is breached when past due and no breach escalation names it', () => {
    const { events } = filed();
    const p = must(fold(events, ctx));
    const due = Date.parse(p.deadlines.handling!);
    expect(breachedClocks(p, iso(due - 1))).toEqual([]);
    expect(breachedClocks(p, iso(due))).toEqual(['handling']);
  });

  it('is no longer listed once its breach escalation is folded, and the watch moves to the next clock', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', { grade: 1 }, { at: 0 });
    const before = must(fold([created], ctx));
    const late = iso(Date.parse(before.deadlines.handling!) + DAY);
    const breached = breachedClocks(before, late);
    expect(breached[0]).toBe('initialVerification');
    const escalation = ev(
      'complaint.escalated',
      { fromLevel: 0, toLevel: 1, reason: 'breach', clock: 'initialVerification' },
      { at: 30, id: breachEventId('c-1', 'initialVerification'), actor: 'system' },
    );
    const after = must(fold([created, escalation], ctx));
    expect(breachedClocks(after, late)).not.toContain('initialVerification');
    // The clock still runs (nothing was done), but the watcher no longer looks at it.
    expect(clockRunning(after, 'initialVerification')).toBe(true);
    const rest = runningClocks(after).filter((c) => c.clock !== 'initialVerification');
    expect(dueTimes(after).watchDue).toBe(rest[0]?.due ?? null);
    expect(dueTimes(after).nextDue).toBe(runningClocks(after)[0]?.due);
  });

  it('refuses a time that is not an instant', () => {
    const { events } = filed();
    expect(() => breachedClocks(must(fold(events, ctx)), 'tomorrow')).toThrow(RangeError);
  });
});

describe('a clock is due soon inside the policy warning window', () => {
  it('follows the per-clock window of the policy', () => {
    const { events } = filed();
    const p = must(fold(events, ctx));
    const due = Date.parse(p.deadlines.handling!);
    const wide: Policy = {
      ...defaultPolicy,
      deadlines: { ...defaultPolicy.deadlines, warningWindowHours: 1, warningWindowHoursByClock: { handling: 48 } },
    };
    const narrow: Policy = { ...wide, deadlines: { ...wide.deadlines, warningWindowHoursByClock: {} } };
    const at = iso(due - 10 * HOUR);
    expect(clocksDueSoon(p, at, wide).map((c) => c.clock)).toEqual(['handling']);
    expect(clocksDueSoon(p, at, narrow)).toEqual([]);
    // Once breached it is no longer "soon".
    expect(clocksDueSoon(p, iso(due + MINUTE), wide)).toEqual([]);
  });
});
