import { describe, expect, it } from 'vitest';
import { registrationDelay } from './registration';
import { defaultPolicy, parsePolicy } from '../policy/policy';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { computeDeadlines } from '../deadlines/deadlines';
import { defaultCalendar } from '../calendar/calendar';

describe('receipt time: registered within 24 h of receipt, every deadline counts from receipt', () => {
  it('a letter received Friday 10:00 and registered Saturday 09:59 is on time; at 10:01 it is late', () => {
    expect(registrationDelay('2026-12-04T10:00:00+08:00', '2026-12-05T09:59:00+08:00', defaultPolicy)).toEqual({ hours: 23.98, late: false });
    expect(registrationDelay('2026-12-04T10:00:00+08:00', '2026-12-05T10:00:00+08:00', defaultPolicy)).toEqual({ hours: 24, late: false });
    expect(registrationDelay('2026-12-04T10:00:00+08:00', '2026-12-05T10:01:00+08:00', defaultPolicy)).toEqual({ hours: 24.02, late: true });
  });

  it('the limit is the policy\'s registrationHours', () => {
    const parsed = parsePolicy({ deadlines: { registrationHours: 4 } });
    if (!parsed.ok) throw new Error('policy refused');
    expect(registrationDelay('2026-12-04T10:00:00+08:00', '2026-12-04T14:30:00+08:00', parsed.policy)?.late).toBe(true);
  });

  it('the fold flags a complaint registered late, and its handling deadline counts from receipt', () => {
    const ev = eventFactory();
    // Registered Monday 2026-11-23 09:00 (T0); the letter arrived Thursday 19th 16:00.
    const p = fold([ev('complaint.created', { receivedAt: '2026-11-19T16:00:00+08:00', grade: 1 }, { at: 0 })], defaultFoldContext())!;
    expect(p.flags.registeredLate).toBe(true);
    // 7 working days from Thursday 19th: Fri 20, Mon 23 … Fri 27, Mon 30 → 17:00 Monday 30 November.
    expect(p.deadlines.handling).toBe('2026-11-30T09:00:00.000Z');
    expect(p.deadlines.handling).toBe(computeDeadlines({ receivedAt: '2026-11-19T16:00:00+08:00', grade: 1 }, defaultPolicy, defaultCalendar()).handling);
    const onTime = fold([ev('complaint.created', { receivedAt: '2026-11-23T08:30:00+08:00' }, { at: 0, complaintId: 'c-2' })], defaultFoldContext())!;
    expect(onTime.flags.registeredLate).toBe(false);
  });
});
