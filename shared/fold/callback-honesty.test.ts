import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { reviewCallback } from '../reports/callback-review';
import { FIXTURE_DIRECTORY } from '../test-support/report-fixture';
import { midCourseNoteFalse } from '../rules/mid-course-note';

const ctx = defaultFoldContext();
const LEAD = 'user-lead.gz';

function notified() {
  const ev = eventFactory();
  return {
    ev,
    events: [
      ev('complaint.created', { grade: 1 }, { at: 0 }),
      ev('soothing.recorded', null, { at: 1 }),
      ev('work_order.filed', null, { at: 2 }),
      ev('parties.notified', { agentIds: ['user-agent.gz'], leadIds: [LEAD] }, { at: 60 }),
    ],
  };
}

describe('callback honesty: a note claiming a contact no reached attempt shows is false', () => {
  it('a note written with no attempt at all is flagged false and the lead is assessed "norm not followed"', () => {
    const { ev, events } = notified();
    const p = fold([...events, ev('callback.mid_course_note', null, { at: 120, actor: LEAD })], ctx)!;
    expect(p.timeline.at(-1)?.state).toBe('applied');
    expect(p.flags.midCourseNoteFalse).toBe(true);
    expect(reviewCallback(p, 'gz-t1', FIXTURE_DIRECTORY)).toMatchObject({ followed: false, reasons: ['note_false'] });
  });

  it('a note after unreached attempts only is false; after the reached call it names, true', () => {
    const note = { callbackSerial: 'CB-2', customerAccepted: true };
    expect(midCourseNoteFalse(note, [{ reached: false, serial: 'CB-1' }, { reached: false, serial: 'CB-2' }])).toBe(true);
    expect(midCourseNoteFalse(note, [{ reached: false, serial: 'CB-1' }, { reached: true, serial: 'CB-2', customerAccepted: true }])).toBe(false);
    expect(midCourseNoteFalse(note, [{ reached: true, serial: 'CB-2', customerAccepted: false }])).toBe(true);
  });

  it('a true note is not flagged', () => {
    const { ev, events } = notified();
    const p = fold(
      [
        ...events,
        ev('callback.attempted', { reached: true, serial: 'SN-0002', customerAccepted: true }, { at: 100, actor: LEAD }),
        ev('callback.mid_course_note', null, { at: 120, actor: LEAD }),
      ],
      ctx,
    )!;
    expect(p.flags.midCourseNoteFalse).toBe(false);
  });
});

describe('callback honesty: an officer cannot revoke (无效工单) a complaint whose note says the customer did not accept', () => {
  const story = () => {
    const { ev, events } = notified();
    return {
      ev,
      events: [
        ...events,
        ev('callback.attempted', { reached: true, serial: 'SN-0002', customerAccepted: false }, { at: 100, actor: LEAD }),
        ev('callback.mid_course_note', { customerAccepted: false }, { at: 120, actor: LEAD }),
      ],
    };
  };

  it('revoking is invalid and leaves the complaint in 二解', () => {
    const { ev, events } = story();
    const p = fold([...events, ev('officer.reviewed', { decision: 'revoked' }, { at: 200, actor: 'user-officer.gz' })], ctx)!;
    expect(p.timeline.at(-1)).toMatchObject({ state: 'invalid' });
    expect(p.timeline.at(-1)?.why).toContain('did not accept');
    expect(p.status).toBe('callback_pending');
    expect(p.flags.assessmentWithdrawn).toBe(false);
  });

  it('continuing the normal flow is allowed', () => {
    const { ev, events } = story();
    const p = fold([...events, ev('officer.reviewed', { decision: 'continue' }, { at: 200, actor: 'user-officer.gz' })], ctx)!;
    expect(p.status).toBe('in_progress');
  });
});
