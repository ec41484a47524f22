import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { defaultFoldContext, eventFactory, HOUR, MINUTE } from '../test-support/fold-fixtures';
import { clockRunning } from '../deadlines/running-clocks';
import { parsePolicy } from '../policy/policy';
import type { EventEnvelope } from '../events/envelope';

const ctx = defaultFoldContext();
const minutes = (ms: number) => ms / MINUTE;

/** Registered Monday 2026-11-23 09:00 Shanghai (received 10:00); resolved at 11:00, so the result is due by Wednesday 11:00. */
function resolvedHistory(ev = eventFactory('c-r')) {
  const events: EventEnvelope[] = [
    ev('complaint.created', { category: 'price' }, { at: 0 }),
    ev('work_order.filed', null, { at: 10 }),
    ev('resolution.recorded', null, { at: minutes(2 * HOUR) }),
  ];
  return { ev, events };
}

describe('written result: the clock stops only when the customer is told the result after resolution', () => {
  it('is due writtenResultHours (48 h) after the resolution: Wednesday 2026-11-25 11:00 Shanghai', () => {
    const { events } = resolvedHistory();
    expect(fold(events, ctx)!.deadlines.writtenResult).toBe('2026-11-25T03:00:00.000Z');
  });

  it('a progress call before the resolution does not stop it; the result told after the resolution does', () => {
    const ev = eventFactory('c-r');
    const events = [
      ev('complaint.created', { category: 'price' }, { at: 0 }),
      ev('work_order.filed', null, { at: 10 }),
      ev('customer.notified', { channel: 'phone' }, { at: 60 }),
      ev('resolution.recorded', null, { at: 120 }),
    ];
    const progressed = fold(events, ctx)!;
    expect(progressed.resultNotifiedAt).toBeNull();
    expect(clockRunning(progressed, 'writtenResult')).toBe(true);
    const told = fold([...events, ev('customer.notified', { channel: 'phone', purpose: 'result' }, { at: 180 })], ctx)!;
    expect(told.resultNotifiedAt).toBe('2026-11-23T04:00:00.000Z');
    expect(clockRunning(told, 'writtenResult')).toBe(false);
  });

  it('a call marked progress after the resolution does not stop it either', () => {
    const { ev, events } = resolvedHistory();
    const p = fold([...events, ev('customer.notified', { channel: 'phone', purpose: 'progress' }, { at: 180 })], ctx)!;
    expect(clockRunning(p, 'writtenResult')).toBe(true);
  });

  it('in writing where the policy says so (feedback.resultInWriting): a phone call does not stop it, an SMS does', () => {
    const parsed = parsePolicy({ feedback: { resultInWriting: true } });
    if (!parsed.ok) throw new Error('policy');
    const written = { ...ctx, policy: parsed.policy };
    const { ev, events } = resolvedHistory();
    const byPhone = fold([...events, ev('customer.notified', { channel: 'phone', purpose: 'result' }, { at: 180 })], written)!;
    expect(clockRunning(byPhone, 'writtenResult')).toBe(true);
    const bySms = fold([...events, ev('customer.notified', { channel: 'sms', purpose: 'result' }, { at: 180 })], written)!;
    expect(clockRunning(bySms, 'writtenResult')).toBe(false);
  });
});

describe('closing needs the customer told of the result, or a recorded reason why not', () => {
  it('closing a resolved complaint nobody told is invalid', () => {
    const { ev, events } = resolvedHistory();
    const p = fold([...events, ev('complaint.closed', null, { at: 180 })], ctx)!;
    expect(p.status).toBe('resolved');
    expect(p.timeline.at(-1)).toMatchObject({ state: 'invalid', why: expect.stringContaining('not been told the result') });
  });

  it('closing with the reason why not is applied and keeps the reason', () => {
    const { ev, events } = resolvedHistory();
    const p = fold([...events, ev('complaint.closed', { resultNotToldReason: '客户电话停机，信函退回' }, { at: 180 })], ctx)!;
    expect(p.status).toBe('closed');
    expect(p.resultNotToldReason).toBe('客户电话停机，信函退回');
  });
});

describe('a clock that closing cuts short is counted as breached or exempt with its reason, never silently stopped', () => {
  it('closed at +3 h: the written result (due +50 h) and the survey (due Wednesday 17:00) are exempt with their reasons', () => {
    const { ev, events } = resolvedHistory();
    const p = fold([...events, ev('complaint.closed', { resultNotToldReason: '客户拒绝接听' }, { at: 180 })], ctx)!;
    expect(p.flags.clocksCutShort).toEqual([
      { clock: 'writtenResult', due: '2026-11-25T03:00:00.000Z', outcome: 'exempt', reason: 'result_not_told' },
      { clock: 'survey', due: '2026-11-25T09:00:00.000Z', outcome: 'exempt', reason: 'closed_before_survey' },
    ]);
  });

  it('closed after the written-result deadline: that clock is counted as breached', () => {
    const { ev, events } = resolvedHistory();
    const p = fold([...events, ev('complaint.closed', { resultNotToldReason: '客户拒绝接听' }, { at: minutes(50 * HOUR) + 1 })], ctx)!;
    expect(p.flags.clocksCutShort.find((c) => c.clock === 'writtenResult')).toMatchObject({ outcome: 'breached' });
  });

  it('a result told and a survey recorded leave nothing to cut short', () => {
    const { ev, events } = resolvedHistory();
    const p = fold(
      [
        ...events,
        ev('customer.notified', { channel: 'letter', purpose: 'result' }, { at: 180 }),
        ev('survey.recorded', null, { at: 200 }),
        ev('complaint.closed', null, { at: 240 }),
      ],
      ctx,
    )!;
    expect(p.status).toBe('closed');
    expect(p.flags.clocksCutShort).toEqual([]);
  });
});

describe('progress feedback at least every progressFeedbackHours (24 h) until the resolution', () => {
  it('is due 24 h after receipt, then 24 h after the last progress contact, and no more once resolved', () => {
    const ev = eventFactory('c-p');
    // Received Monday 10:00 Shanghai: feedback due Tuesday 10:00.
    const created = ev('complaint.created', { category: 'price' }, { at: 0 });
    expect(fold([created], ctx)!.deadlines.nextProgressFeedback).toBe('2026-11-24T02:00:00.000Z');
    // A progress call Tuesday 05:00 (+20 h from 09:00): the next is due Wednesday 05:00.
    const called = ev('customer.notified', { channel: 'phone', purpose: 'progress' }, { at: minutes(20 * HOUR) });
    expect(fold([created, called], ctx)!.deadlines.nextProgressFeedback).toBe('2026-11-24T21:00:00.000Z');
    const filed = ev('work_order.filed', null, { at: minutes(21 * HOUR) });
    const resolved = ev('resolution.recorded', null, { at: minutes(22 * HOUR) });
    expect(fold([created, called, filed, resolved], ctx)!.deadlines.nextProgressFeedback).toBeUndefined();
  });
});

describe('satisfaction is tracked surveyTrackingDays (30) after handling ended', () => {
  it('a survey 30 days after the resolution is recorded, one a minute later is not', () => {
    const { ev, events } = resolvedHistory();
    const closed = [...events, ev('customer.notified', { channel: 'sms', purpose: 'result' }, { at: 180 }), ev('complaint.closed', null, { at: 200 })];
    const day30 = minutes(2 * HOUR + 30 * 24 * HOUR);
    expect(fold([...closed, ev('survey.recorded', null, { at: day30 })], ctx)!.survey).not.toBeNull();
    const late = fold([...closed, ev('survey.recorded', null, { at: day30 + 1 })], ctx)!;
    expect(late.survey).toBeNull();
    expect(late.timeline.at(-1)).toMatchObject({ state: 'invalid', why: expect.stringContaining('30 days') });
  });
});
