import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDeadlines, deadlineState } from './deadlines';
import { defaultPolicy, parsePolicy, type Policy } from '../policy/policy';
import { calendarFromPolicy, defaultCalendar, isWorkingDay, localDay } from '../calendar/calendar';

const cal = defaultCalendar();
const policy = defaultPolicy;
/** A Shanghai wall time as the UTC ISO string the functions return. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

function withPolicy(over: unknown): Policy {
  const parsed = parsePolicy(over);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.policy;
}

describe('handling deadline: N working days from the working day after receipt, at 17:00', () => {
  it('received Wednesday 2026-09-30 10:00 + 7 WD → Thursday 2026-10-15 17:00 Asia/Shanghai', () => {
    const d = computeDeadlines({ receivedAt: '2026-09-30T10:00:00+08:00', grade: 1 }, policy, cal);
    expect(d.handling).toBe(sh('2026-10-15T17:00:00'));
    expect(d.handling).toBe('2026-10-15T09:00:00.000Z');
  });

  it('uses the grade table 7/15/2/10', () => {
    const at = (grade: 1 | 2 | 3 | 4) => computeDeadlines({ receivedAt: '2026-11-23T09:00:00+08:00', grade }, policy, cal).handling;
    expect(at(1)).toBe(sh('2026-12-02T17:00:00'));
    expect(at(2)).toBe(sh('2026-12-14T17:00:00'));
    expect(at(3)).toBe(sh('2026-11-25T17:00:00'));
    expect(at(4)).toBe(sh('2026-12-07T17:00:00'));
  });

  it('straddles National Day: an urgent complaint received the day before the holiday', () => {
    // Only 30 Sep is left before 1–7 Oct; 2 WD are Thu 8 and Fri 9 October.
    const d = computeDeadlines({ receivedAt: '2026-09-30T16:59:00+08:00', grade: 3 }, policy, cal);
    expect(d.handling).toBe(sh('2026-10-09T17:00:00'));
  });

  it('counts the 调休 Saturday 10 October as a working day', () => {
    // 3 WD from 30 Sep: 8, 9, then Saturday 10 October.
    const p = withPolicy({ deadlines: { handlingWorkingDaysByGrade: { '3': 3 } } });
    const d = computeDeadlines({ receivedAt: '2026-09-30T10:00:00+08:00', grade: 3 }, p, cal);
    expect(d.handling).toBe(sh('2026-10-10T17:00:00'));
  });

  it('counts a complaint received during the holiday from the first working day after it', () => {
    const d = computeDeadlines({ receivedAt: '2026-10-03T11:00:00+08:00', grade: 3 }, policy, cal);
    expect(d.handling).toBe(sh('2026-10-09T17:00:00'));
  });

  it('counts from acceptance when it is later than receipt', () => {
    const d = computeDeadlines(
      { receivedAt: '2026-11-20T09:00:00+08:00', acceptedAt: '2026-11-23T09:00:00+08:00', grade: 3 },
      policy,
      cal,
    );
    expect(d.handling).toBe(sh('2026-11-25T17:00:00'));
  });

  it('received after 17:00 still counts from the next working day', () => {
    const d = computeDeadlines({ receivedAt: '2026-11-23T22:00:00+08:00', grade: 3 }, policy, cal);
    expect(d.handling).toBe(sh('2026-11-25T17:00:00'));
  });

  it('adds extensions in working days', () => {
    const d = computeDeadlines({ receivedAt: '2026-09-30T10:00:00+08:00', grade: 1, extensionWorkingDays: 3 }, policy, cal);
    expect(d.handling).toBe(sh('2026-10-20T17:00:00'));
  });
});

describe('other clocks', () => {
  it('initial verification within 24 h, acceptance review within 2 WD', () => {
    const d = computeDeadlines({ receivedAt: '2026-09-30T10:00:00+08:00', grade: 1 }, policy, cal);
    expect(d.initialVerification).toBe(sh('2026-10-01T10:00:00'));
    expect(d.acceptanceReview).toBe(sh('2026-10-09T17:00:00'));
  });

  it('written result within 48 h of resolution, survey 2 WD after handling', () => {
    const d = computeDeadlines(
      { receivedAt: '2026-09-25T10:00:00+08:00', grade: 1, resolvedAt: '2026-09-30T15:00:00+08:00' },
      policy,
      cal,
    );
    expect(d.writtenResult).toBe(sh('2026-10-02T15:00:00'));
    expect(d.survey).toBe(sh('2026-10-09T17:00:00'));
  });

  it('survey counts from closing when nothing recorded a resolution', () => {
    const d = computeDeadlines({ receivedAt: '2026-11-02T10:00:00+08:00', grade: 1, closedAt: '2026-11-20T12:00:00+08:00' }, policy, cal);
    expect(d.survey).toBe(sh('2026-11-24T17:00:00'));
    expect(d.writtenResult).toBeUndefined();
  });

  it('leaves clocks absent until their start exists', () => {
    const d = computeDeadlines({ receivedAt: '2026-11-23T10:00:00+08:00', grade: 1 }, policy, cal);
    expect(Object.keys(d).sort()).toEqual(['acceptanceReview', 'handling', 'initialVerification']);
  });
});

describe('二解 callback: by 17:00 of the next working day when the policy counts working days', () => {
  const wp = withPolicy({ secondResolution: { callbackDayCounting: 'working' } });
  const wcal = calendarFromPolicy(wp);
  it('on an ordinary weekday', () => {
    const d = computeDeadlines({ receivedAt: '2026-11-24T09:00:00+08:00', grade: 1, notifiedAt: '2026-11-24T10:00:00+08:00' }, wp, wcal);
    expect(d.callback).toBe(sh('2026-11-25T17:00:00'));
  });

  it('across a weekend', () => {
    const d = computeDeadlines({ receivedAt: '2026-11-20T09:00:00+08:00', grade: 1, notifiedAt: '2026-11-20T16:00:00+08:00' }, wp, wcal);
    expect(d.callback).toBe(sh('2026-11-23T17:00:00'));
  });

  it('across a holiday', () => {
    const d = computeDeadlines({ receivedAt: '2026-09-30T09:00:00+08:00', grade: 1, notifiedAt: '2026-09-30T11:00:00+08:00' }, wp, wcal);
    expect(d.callback).toBe(sh('2026-10-08T17:00:00'));
  });

  it('across Spring Festival and onto its 调休 Saturday', () => {
    // Notified Friday 13 Feb 2026; Saturday 14 Feb is a make-up working day.
    const d = computeDeadlines({ receivedAt: '2026-02-13T09:00:00+08:00', grade: 1, notifiedAt: '2026-02-13T11:00:00+08:00' }, wp, wcal);
    expect(d.callback).toBe(sh('2026-02-14T17:00:00'));
    // Notified on the make-up Saturday: the holiday runs 15–23 Feb.
    const e = computeDeadlines({ receivedAt: '2026-02-13T09:00:00+08:00', grade: 1, notifiedAt: '2026-02-14T11:00:00+08:00' }, wp, wcal);
    expect(e.callback).toBe(sh('2026-02-24T17:00:00'));
  });

  it('next attempt no sooner than 3 h after the last, none after the third', () => {
    const base = { receivedAt: '2026-11-24T09:00:00+08:00', grade: 1 as const, notifiedAt: '2026-11-24T10:00:00+08:00' };
    expect(computeDeadlines(base, policy, cal).nextCallbackEarliest).toBeUndefined();
    const one = computeDeadlines({ ...base, callbackAttempts: ['2026-11-24T11:00:00+08:00'] }, policy, cal);
    expect(one.nextCallbackEarliest).toBe(sh('2026-11-24T14:00:00'));
    const two = computeDeadlines(
      { ...base, callbackAttempts: ['2026-11-24T15:00:00+08:00', '2026-11-24T11:00:00+08:00'] },
      policy,
      cal,
    );
    expect(two.nextCallbackEarliest).toBe(sh('2026-11-24T18:00:00'));
    const three = computeDeadlines(
      { ...base, callbackAttempts: ['2026-11-24T11:00:00+08:00', '2026-11-24T14:00:00+08:00', '2026-11-24T17:00:00+08:00'] },
      policy,
      cal,
    );
    expect(three.nextCallbackEarliest).toBeNull();
  });

  it('follows the policy numbers', () => {
    const p = withPolicy({ secondResolution: { callbackMinSpacingHours: 1, maxCallbackAttempts: 5, callbackDueDays: 2, callbackDayCounting: 'working' } });
    const d = computeDeadlines(
      {
        receivedAt: '2026-11-24T09:00:00+08:00',
        grade: 1,
        notifiedAt: '2026-11-24T10:00:00+08:00',
        callbackAttempts: ['2026-11-24T11:00:00+08:00', '2026-11-24T12:00:00+08:00', '2026-11-24T13:00:00+08:00'],
      },
      p,
      calendarFromPolicy(p),
    );
    expect(d.nextCallbackEarliest).toBe(sh('2026-11-24T14:00:00'));
    expect(d.callback).toBe(sh('2026-11-26T17:00:00'));
  });
});

describe('deadline state (neutral / amber / red)', () => {
  const due = sh('2026-11-25T17:00:00');

  it('is ok with plenty of time, warning inside the window, breached after', () => {
    expect(deadlineState(due, sh('2026-11-25T08:00:00'), policy)).toEqual({ state: 'ok', remainingMs: 9 * 3_600_000 });
    expect(deadlineState(due, sh('2026-11-25T13:00:00'), policy).state).toBe('warning');
    expect(deadlineState(due, sh('2026-11-25T17:00:00'), policy)).toEqual({ state: 'warning', remainingMs: 0 });
    expect(deadlineState(due, sh('2026-11-25T17:00:01'), policy)).toEqual({ state: 'breached', remainingMs: -1000 });
  });

  it('uses the per-clock window when the policy has one', () => {
    // Handling warns 24 h ahead by default, other clocks 4 h ahead.
    expect(deadlineState(due, sh('2026-11-25T08:00:00'), policy, { clock: 'handling' }).state).toBe('warning');
    expect(deadlineState(due, sh('2026-11-25T08:00:00'), policy, { clock: 'callback' }).state).toBe('ok');
  });

  it('freezes once the clock stopped', () => {
    expect(deadlineState(due, sh('2026-12-30T08:00:00'), policy, { completedAt: sh('2026-11-25T16:00:00') })).toEqual({
      state: 'ok',
      remainingMs: 3_600_000,
    });
    expect(deadlineState(due, sh('2026-11-20T08:00:00'), policy, { completedAt: sh('2026-11-25T18:00:00') }).state).toBe('breached');
  });
});

describe('deadlines (properties)', () => {
  const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 10, 1) });

  it('handling falls at day end of a working day, later for a longer grade deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 }), (t, ext) => {
        const receivedAt = new Date(t).toISOString();
        const urgent = computeDeadlines({ receivedAt, grade: 3, extensionWorkingDays: ext }, policy, cal).handling!;
        const general = computeDeadlines({ receivedAt, grade: 1, extensionWorkingDays: ext }, policy, cal).handling!;
        return (
          urgent < general &&
          Date.parse(urgent) > t &&
          isWorkingDay(cal, localDay(cal, general)) &&
          general.endsWith('T09:00:00.000Z')
        );
      }),
    );
  });

  it('is a pure function of its input', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, (t, grade) => {
        const input = { receivedAt: new Date(t).toISOString(), grade, notifiedAt: new Date(t + 3_600_000).toISOString() };
        return JSON.stringify(computeDeadlines(input, policy, cal)) === JSON.stringify(computeDeadlines({ ...input }, policy, cal));
      }),
    );
  });
});

describe('bad input', () => {
  it('refuses an unparseable time', () => {
    expect(() => computeDeadlines({ receivedAt: 'yesterday', grade: 1 }, policy, cal)).toThrow(RangeError);
    expect(() => deadlineState('soon', sh('2026-11-25T08:00:00'), policy)).toThrow(RangeError);
  });
});

describe('deadlines are memoised without changing them', () => {
  it('hands each caller its own copy', () => {
    const input = { receivedAt: '2026-11-23T10:00:00+08:00', grade: 1 as const };
    const first = computeDeadlines(input, policy, cal);
    first.handling = 'changed';
    expect(computeDeadlines(input, policy, cal).handling).toBe(sh('2026-12-02T17:00:00'));
  });

  it('keys on the policy and on every input field', () => {
    const base = { receivedAt: '2026-11-23T10:00:00+08:00', grade: 1 as const, callbackAttempts: ['2026-11-24T10:00:00+08:00'] };
    const longer = withPolicy({ deadlines: { handlingWorkingDaysByGrade: { '1': 3, '2': 15, '3': 2, '4': 10 } } });
    expect(computeDeadlines(base, policy, cal).handling).not.toBe(computeDeadlines(base, longer, cal).handling);
    expect(computeDeadlines(base, policy, cal).nextCallbackEarliest).not.toBe(
      computeDeadlines({ ...base, callbackAttempts: ['2026-11-24T11:00:00+08:00'] }, policy, cal).nextCallbackEarliest,
    );
    expect(computeDeadlines({ ...base, extensionWorkingDays: 2 }, policy, cal).handling).not.toBe(computeDeadlines(base, policy, cal).handling);
    expect(computeDeadlines({ ...base, acceptedAt: '2026-11-25T10:00:00+08:00' }, policy, cal).handling).not.toBe(
      computeDeadlines(base, policy, cal).handling,
    );
  });

  it('repeated calls give what a fresh calendar gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 6, 1) }),
        fc.constantFrom(1, 2, 3, 4),
        fc.integer({ min: 0, max: 10 }),
        (t, grade, ext) => {
          const input = { receivedAt: new Date(t).toISOString(), grade: grade as 1 | 2 | 3 | 4, extensionWorkingDays: ext, resolvedAt: new Date(t + 86_400_000).toISOString() };
          const warm = computeDeadlines(input, policy, cal);
          expect(computeDeadlines(input, policy, cal)).toEqual(warm);
          expect(computeDeadlines(input, policy, calendarFromPolicy(policy))).toEqual(warm);
        },
      ),
      { numRuns: 100 },
    );
  });
});
