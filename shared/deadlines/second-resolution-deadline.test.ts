import { describe, expect, it } from 'vitest';
import { callbackDue, computeDeadlines } from './deadlines';
import { calendarFromPolicy, defaultCalendar } from '../calendar/calendar';
import { defaultPolicy, parsePolicy, type Policy } from '../policy/policy';
import { fold } from '../fold/fold';
import { eventFactory } from '../test-support/fold-fixtures';
import type { FoldContext } from '../fold/context';
import { reviewCallback } from '../reports/callback-review';
import { FIXTURE_DIRECTORY } from '../test-support/report-fixture';

/** A Shanghai wall time as the UTC ISO string the functions return. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const cal = defaultCalendar();

function withPolicy(over: unknown): Policy {
  const parsed = parsePolicy(over);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.policy;
}
const working = withPolicy({ secondResolution: { callbackDayCounting: 'working' } });

describe('二解 deadline: 17:00 of the next day after notification, calendar days by default', () => {
  it('a notification on Friday is due Saturday 17:00 (the centre works every day)', () => {
    // Friday 2026-12-04.
    expect(callbackDue(sh('2026-12-04T10:00:00'), undefined, defaultPolicy, cal)).toBe(sh('2026-12-05T17:00:00'));
  });

  it('a notification on 30 September is due 1 October 17:00, inside the National Day week', () => {
    expect(callbackDue(sh('2026-09-30T10:00:00'), undefined, defaultPolicy, cal)).toBe(sh('2026-10-01T17:00:00'));
  });

  it('a notification after 17:00 is still due 17:00 of the next day, not the day after', () => {
    // Tuesday 18:30 → Wednesday 17:00, 22.5 hours later.
    expect(callbackDue(sh('2026-11-24T18:30:00'), undefined, defaultPolicy, cal)).toBe(sh('2026-11-25T17:00:00'));
    // Friday 23:59 → Saturday 17:00.
    expect(callbackDue(sh('2026-12-04T23:59:00'), undefined, defaultPolicy, cal)).toBe(sh('2026-12-05T17:00:00'));
  });

  it('with the policy set to working days: Friday → Monday, 30 September → 8 October', () => {
    const wcal = calendarFromPolicy(working);
    expect(callbackDue(sh('2026-12-04T10:00:00'), undefined, working, wcal)).toBe(sh('2026-12-07T17:00:00'));
    expect(callbackDue(sh('2026-09-30T10:00:00'), undefined, working, wcal)).toBe(sh('2026-10-08T17:00:00'));
    expect(callbackDue(sh('2026-12-04T18:30:00'), undefined, working, wcal)).toBe(sh('2026-12-07T17:00:00'));
  });

  it('the number of days is the policy\'s', () => {
    const two = withPolicy({ secondResolution: { callbackDueDays: 2 } });
    expect(callbackDue(sh('2026-12-04T10:00:00'), undefined, two, calendarFromPolicy(two))).toBe(sh('2026-12-06T17:00:00'));
  });

  it('a customer who asked to be called later, noted before 17:00, moves the due time to the agreed time', () => {
    const late = { at: sh('2026-11-25T19:30:00'), notedAt: sh('2026-11-25T16:00:00') };
    expect(callbackDue(sh('2026-11-24T10:00:00'), late, defaultPolicy, cal)).toBe(sh('2026-11-25T19:30:00'));
  });

  it('a late request noted after the due time does not move it', () => {
    const late = { at: sh('2026-11-25T19:30:00'), notedAt: sh('2026-11-25T17:30:00') };
    expect(callbackDue(sh('2026-11-24T10:00:00'), late, defaultPolicy, cal)).toBe(sh('2026-11-25T17:00:00'));
  });

  it('the deadlines of a complaint use it', () => {
    const d = computeDeadlines(
      { receivedAt: sh('2026-12-03T09:00:00'), grade: 1, notifiedAt: sh('2026-12-04T10:00:00') },
      defaultPolicy,
      cal,
    );
    expect(d.callback).toBe(sh('2026-12-05T17:00:00'));
  });
});

describe('二解 deadline in the fold: stops at the note, moved by a late request', () => {
  const ctx: FoldContext = { policy: defaultPolicy, calendar: cal };
  // T0 is Monday 2026-11-23 09:00 Shanghai; notified at 10:00, due Tuesday 17:00 (= minute 1920).
  const base = () => {
    const ev = eventFactory();
    return {
      ev,
      events: [
        ev('complaint.created', { grade: 1 }, { at: 0 }),
        ev('soothing.recorded', null, { at: 1 }),
        ev('work_order.filed', null, { at: 2 }),
        ev('parties.notified', null, { at: 60 }),
      ],
    };
  };

  it('a customerRequestedLate schedule noted before 17:00 moves the callback clock, so it neither breaches nor escalates at 17:00', () => {
    const { ev, events } = base();
    const p = fold(
      [...events, ev('callback.scheduled', { at: sh('2026-11-24T19:00:00'), customerRequestedLate: true }, { at: 1800 })],
      ctx,
    )!;
    expect(p.callbacks.lateRequest).toEqual({ at: sh('2026-11-24T19:00:00'), notedAt: sh('2026-11-24T15:00:00') });
    expect(p.deadlines.callback).toBe(sh('2026-11-24T19:00:00'));
  });

  it('an ordinary schedule does not move it', () => {
    const { ev, events } = base();
    const p = fold([...events, ev('callback.scheduled', { at: sh('2026-11-24T19:00:00') }, { at: 1800 })], ctx)!;
    expect(p.deadlines.callback).toBe(sh('2026-11-24T17:00:00'));
  });
});

describe('二解 deadline in the callback review: the note\'s time, not the first attempt', () => {
  const ctx: FoldContext = { policy: defaultPolicy, calendar: cal };
  it('an attempt before 17:00 with the note after it misses the deadline', () => {
    const ev = eventFactory();
    // Notified Monday 10:00 (minute 60): due Tuesday 17:00 = minute 1920.
    const events = [
      ev('complaint.created', { grade: 1 }, { at: 0 }),
      ev('soothing.recorded', null, { at: 1 }),
      ev('work_order.filed', null, { at: 2 }),
      ev('parties.notified', { agentIds: ['user-agent.gz'], leadIds: ['user-lead.gz'] }, { at: 60 }),
      ev('callback.attempted', { reached: true, serial: 'SN-0002', customerAccepted: true }, { at: 1800, actor: 'user-lead.gz' }),
    ];
    const onTime = reviewCallback(fold([...events, ev('callback.mid_course_note', null, { at: 1900, actor: 'user-lead.gz' })], ctx)!, 'gz-t1', FIXTURE_DIRECTORY);
    expect(onTime).toMatchObject({ followed: true, calledAt: sh('2026-11-24T16:40:00'), dueAt: sh('2026-11-24T17:00:00') });
    const late = reviewCallback(fold([...events, ev('callback.mid_course_note', null, { at: 1980, actor: 'user-lead.gz' })], ctx)!, 'gz-t1', FIXTURE_DIRECTORY);
    expect(late).toMatchObject({ followed: false, reasons: ['deadline_missed'], calledAt: sh('2026-11-24T18:00:00') });
  });
});
