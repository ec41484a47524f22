import { describe, expect, it } from 'vitest';
import { apply, fold } from './fold';
import { defaultFoldContext, eventFactory, HOUR, MINUTE, T0 } from '../test-support/fold-fixtures';
import { computeDeadlines } from '../deadlines/deadlines';
import { defaultPolicy } from '../policy/policy';
import { breachEventId } from '../ids/breach-id';
import type { EventEnvelope, StoredEvent } from '../events/envelope';
import type { ComplaintProjection } from './projection';
import type { PayloadOf } from '../events/catalogue';
import { GRADES } from '../events/fields';

const ctx = defaultFoldContext();

function must(p: ComplaintProjection | null): ComplaintProjection {
  if (p === null) throw new Error('expected a projection');
  return p;
}

const stateOf = (p: ComplaintProjection, id: string) => p.timeline.find((t) => t.eventId === id);

function applyAll(events: EventEnvelope[]): ComplaintProjection | null {
  return events.reduce<ComplaintProjection | null>((p, e) => apply(p, e, ctx), null);
}

describe('fold: intake', () => {
  it('returns null for nothing, and for rejected events only', () => {
    const ev = eventFactory();
    expect(fold([], ctx)).toBeNull();
    expect(fold([{ ...ev('complaint.created'), status: 'rejected' } as StoredEvent], ctx)).toBeNull();
  });

  it('registers a complaint with the protocol fields and its deadlines', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', { grade: 1 }, { at: 0, actor: 'u-agent' });
    const p = must(fold([created], ctx));
    expect(p).toMatchObject({
      id: 'c-1',
      number: 'GZ-20261123-0001',
      status: 'registered',
      category: 'attitude',
      grade: 1,
      gradeSource: 'payload',
      branchId: 'gz',
      assigneeId: null,
      escalationLevel: 0,
      createdAt: created.occurredAt,
      updatedAt: created.occurredAt,
      eventCount: 1,
      channel: 'phone',
      lastHlc: created.hlc,
    });
    expect(p.complainant?.name).toBe('张三');
    expect(p.deadlines).toEqual(
      computeDeadlines(
        { receivedAt: '2026-11-23T10:00:00.000+08:00', grade: 1, callbackAttempts: [], extensionWorkingDays: 0, progressFrom: '2026-11-23T10:00:00.000+08:00' },
        defaultPolicy,
        ctx.calendar,
      ),
    );
    expect(p.deadlines.handling).toBe('2026-12-02T09:00:00.000Z');
    // Progress feedback within progressFeedbackHours (24 h) of receipt.
    expect(p.deadlines.nextProgressFeedback).toBe('2026-11-24T02:00:00.000Z');
    expect(p.timeline).toEqual([
      { eventId: created.id, type: 'complaint.created', hlc: created.hlc, actorId: 'u-agent', occurredAt: created.occurredAt, state: 'applied' },
    ]);
  });

  it('suggests the grade when the payload has none, and starts at the grade handler rung', () => {
    const ev = eventFactory();
    const urgent = must(fold([ev('complaint.created', { description: '客户说要起诉，并找律师' })], ctx));
    expect(urgent).toMatchObject({ grade: 3, gradeSource: 'suggested', escalationLevel: 4 });
    const levels = GRADES.map((grade) => must(fold([eventFactory()('complaint.created', { grade })], ctx)).escalationLevel);
    expect(levels).toEqual([0, 3, 4, 2]);
  });

  it('keeps a not-accepted complaint with its reason', () => {
    const ev = eventFactory();
    const p = must(fold([ev('complaint.created'), ev('complaint.not_accepted', { reason: '无法联系' })], ctx));
    expect(p.status).toBe('not_accepted');
    expect(p.notAcceptedReason).toBe('无法联系');
  });

  it('withdraws on soothing success, and then refuses a work order', () => {
    const ev = eventFactory();
    const created = ev('complaint.created');
    const soothed = ev('soothing.recorded', { outcome: 'withdrawn', withdrawalReason: '客户不追究' });
    const filed = ev('work_order.filed');
    const p = must(fold([filed, soothed, created], ctx));
    expect(p.status).toBe('withdrawn');
    expect(stateOf(p, filed.id)).toMatchObject({ state: 'invalid', why: expect.stringContaining('withdrawn') });
  });

  it('flags a phone complaint filed without soothing, and not one filed after it', () => {
    const ev = eventFactory();
    const without = must(fold([ev('complaint.created'), ev('work_order.filed')], ctx));
    expect(without.status).toBe('filed');
    expect(without.flags.filedWithoutSoothing).toBe(true);
    const ev2 = eventFactory();
    const soothed = must(fold([ev2('complaint.created'), ev2('soothing.recorded', { steps: { calmed: true, understood: true, offeredSolution: true } }), ev2('work_order.filed')], ctx));
    expect(soothed.flags.filedWithoutSoothing).toBe(false);
    // Two of the three steps are not soothing: the solution must be offered too.
    const ev4 = eventFactory();
    const two = must(fold([ev4('complaint.created'), ev4('soothing.recorded', { steps: { calmed: true, understood: true, offeredSolution: false } }), ev4('work_order.filed')], ctx));
    expect(two.flags.filedWithoutSoothing).toBe(true);
    const ev3 = eventFactory();
    const letter = must(fold([ev3('complaint.created', { channel: 'letter' }), ev3('work_order.filed')], ctx));
    expect(letter.flags.filedWithoutSoothing).toBe(false);
  });

  it('marks events written before the creation as invalid', () => {
    const ev = eventFactory();
    const note = ev('note.added', null, { at: 1 });
    const created = ev('complaint.created', null, { at: 2 });
    const p = must(fold([created, note], ctx));
    expect(p.status).toBe('registered');
    expect(stateOf(p, note.id)).toMatchObject({ state: 'invalid', why: 'The complaint had not been created yet' });
    expect(p.notes).toEqual([]);
  });

  it('shows an incomplete complaint until its creation arrives', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', null, { at: 1 });
    const note = ev('note.added', null, { at: 2 });
    const early = must(apply(null, note, ctx));
    expect(early.status).toBe('incomplete');
    const full = must(apply(early, created, ctx));
    expect(full).toEqual(fold([created, note], ctx));
    expect(stateOf(full, note.id)?.state).toBe('applied');
  });
});

function filedComplaint(extra: Partial<PayloadOf<'complaint.created'>> = {}) {
  const ev = eventFactory();
  const events = [
    ev('complaint.created', { grade: 1, ...extra }),
    ev('soothing.recorded'),
    ev('work_order.filed'),
  ];
  return { ev, events };
}

describe('fold: second resolution (二解)', () => {
  it('runs callback, mid-course note and revocation', () => {
    const { ev, events } = filedComplaint();
    const notified = ev('parties.notified', null, { at: 10 });
    const afterNotify = must(fold([...events, notified], ctx));
    expect(afterNotify.status).toBe('callback_pending');
    expect(afterNotify.flags.secondResolution).toBe(true);
    expect(afterNotify.deadlines.callback).toBeDefined();

    const attempt = ev('callback.attempted', { reached: true, serial: 'SN-2', customerAccepted: true }, { at: 60 });
    const note = ev('callback.mid_course_note', null, { at: 70, actor: 'u-lead' });
    const review = ev('officer.reviewed', { decision: 'revoked' }, { at: 80, actor: 'u-officer' });
    const close = ev('complaint.closed', null, { at: 90 });
    const p = must(fold([...events, notified, attempt, note, review, close], ctx));
    expect(p.status).toBe('closed');
    expect(p.flags).toMatchObject({ review: 'revoked', assessmentWithdrawn: true });
    expect(p.callbacks.midCourseNote?.actorId).toBe('u-lead');
    expect(p.callbacks.attempts).toHaveLength(1);
    expect(p.milestones.revokedAt).toBe(review.occurredAt);
  });

  it('goes to the normal flow for a VIP or several agents', () => {
    const vip = filedComplaint({ complainant: { name: 'A', phone: '13800000000', customerType: 'vip' } });
    const p = must(fold([...vip.events, vip.ev('parties.notified')], ctx));
    expect(p.status).toBe('in_progress');
    expect(p.flags.secondResolution).toBe(false);
    expect(p.flags.secondResolutionReasons).toContain('vip_or_professional');
    expect(p.deadlines.callback).toBeUndefined();

    const two = filedComplaint();
    const q = must(fold([...two.events, two.ev('parties.notified', { agentIds: ['a1', 'a2'] })], ctx));
    expect(q.flags.secondResolutionReasons).toEqual(['multiple_agents']);
  });

  it('hands over to the officer when the customer urges before the note', () => {
    const { ev, events } = filedComplaint();
    const note = ev('callback.mid_course_note', null, { at: 50 });
    const p = must(fold([...events, ev('parties.notified', null, { at: 10 }), ev('customer.urged', null, { at: 20 }), note], ctx));
    expect(p.status).toBe('in_progress');
    expect(p.flags).toMatchObject({ urgedBeforeNote: true, secondResolution: false, urgedCount: 1 });
    expect(stateOf(p, note.id)?.state).toBe('invalid');
  });

  it('gives up after three unreached attempts and flags attempts too close together', () => {
    const { ev, events } = filedComplaint();
    const a = [0, 1, 5].map((h) => ev('callback.attempted', { reached: false, serial: `S${h}` }, { at: 30 + h * 60 }));
    const fourth = ev('callback.attempted', { reached: true, serial: 'S9' }, { at: 30 + 9 * 60 });
    const p = must(fold([...events, ev('parties.notified', null, { at: 10 }), ...a, fourth], ctx));
    expect(p.status).toBe('in_progress');
    expect(p.flags.callbackUnreachable).toBe(true);
    expect(p.flags.callbackSpacingViolated).toBe(true);
    expect(stateOf(p, fourth.id)?.state).toBe('invalid');
    expect(p.deadlines.nextCallbackEarliest).toBeNull();
  });

  it('refuses a review before the mid-course note', () => {
    const { ev, events } = filedComplaint();
    const review = ev('officer.reviewed', { decision: 'continue' }, { at: 40 });
    const p = must(fold([...events, ev('parties.notified', null, { at: 10 }), review], ctx));
    expect(stateOf(p, review.id)).toMatchObject({ state: 'invalid', why: expect.stringContaining('mid-course note') });
    expect(p.status).toBe('callback_pending');
  });
});

describe('fold: concurrency', () => {
  it('lets the first of two offline resolutions win and keeps the second, superseded', () => {
    const { ev, events } = filedComplaint();
    const first = ev('resolution.recorded', { text: 'A 的处理' }, { at: 100, node: '00000000000000bb', actor: 'u-a' });
    const second = ev('resolution.recorded', { text: 'B 的处理' }, { at: 100, node: '00000000000000cc', actor: 'u-b' });
    const p = must(fold([second, ...events, first], ctx));
    expect(p.resolution?.text).toBe('A 的处理');
    expect(stateOf(p, first.id)?.state).toBe('applied');
    expect(stateOf(p, second.id)).toMatchObject({ state: 'superseded', why: expect.stringContaining('resolution') });
  });

  it('takes the last grade and assignee by HLC and keeps both in history', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', { grade: 1 });
    const g1 = ev('complaint.graded', { grade: 2 }, { at: 20, node: '0000000000000009' });
    const g2 = ev('complaint.graded', { grade: 1 }, { at: 20, counter: 1, node: '0000000000000002' });
    const a1 = ev('complaint.assigned', { assigneeId: 'u-x' }, { at: 30 });
    const a2 = ev('complaint.assigned', { assigneeId: 'u-y' }, { at: 31 });
    const p = must(fold([a2, g2, created, a1, g1], ctx));
    expect(p.grade).toBe(1);
    expect(p.gradeSource).toBe('graded');
    // Grade 2 took it to the supervisor; grading down does not come back down.
    expect(p.escalationLevel).toBe(3);
    expect(p.assigneeId).toBe('u-y');
    expect([g1, g2, a1, a2].map((e) => stateOf(p, e.id)?.state)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('folds breach escalations of one id to one, and supersedes a second id for the same clock', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', { grade: 1 });
    const payload = { fromLevel: 0, toLevel: 1, reason: 'breach', clock: 'handling' } as const;
    const id = breachEventId('c-1', 'handling');
    const client = ev('complaint.escalated', payload, { at: 50, id, actor: 'u-agent' });
    const server = { ...client, seq: 12, receivedAt: '2026-11-23T02:00:00.000Z', status: 'accepted' } as StoredEvent;
    const other = ev('complaint.escalated', payload, { at: 51, id: 'another-id', actor: 'system' });
    const p = must(fold([created, client, server, other], ctx));
    expect(p.eventCount).toBe(3);
    expect(p.escalationLevel).toBe(1);
    expect(p.escalations).toHaveLength(1);
    expect(stateOf(p, 'another-id')).toMatchObject({ state: 'superseded', why: expect.stringContaining('handling') });
  });

  it('supersedes a request escalation that the level already passed', () => {
    const ev = eventFactory();
    const up = ev('complaint.escalated', { fromLevel: 0, toLevel: 3, reason: 'request' }, { at: 10 });
    const stale = ev('complaint.escalated', { fromLevel: 0, toLevel: 1, reason: 'request' }, { at: 11 });
    const p = must(fold([ev('complaint.created', { grade: 1 }), up, stale], ctx));
    expect(p.escalationLevel).toBe(3);
    expect(stateOf(p, stale.id)?.state).toBe('superseded');
  });

  it('supersedes the second of two closures and refuses soothing after close', () => {
    const ev = eventFactory();
    const close1 = ev('complaint.closed', null, { at: 10 });
    const close2 = ev('complaint.closed', null, { at: 11 });
    const soothe = ev('soothing.recorded', null, { at: 12 });
    const p = must(fold([ev('complaint.not_accepted'), ev('complaint.created', null, { at: 0 }), close1, close2, soothe], ctx));
    expect(p.status).toBe('closed');
    expect(stateOf(p, close2.id)?.state).toBe('superseded');
    expect(stateOf(p, soothe.id)).toMatchObject({ state: 'invalid', why: expect.stringContaining('closed') });
  });
});

describe('fold: outcome', () => {
  it('resolves, notifies, surveys and closes; reopening clears the resolution', () => {
    const { ev, events } = filedComplaint();
    const seq = [
      ...events,
      ev('investigation.recorded', null, { at: 10 }),
      ev('resolution.recorded', null, { at: 20 }),
      ev('customer.notified', null, { at: 21 }),
      ev('survey.recorded', { score: 4, scale: 5 }, { at: 22 }),
      ev('complaint.closed', null, { at: 23 }),
    ];
    const closed = must(fold(seq, ctx));
    expect(closed).toMatchObject({ status: 'closed', finding: 'established', investigations: 1, survey: { score: 4, scale: 5 } });
    expect(closed.deadlines.writtenResult).toBe(new Date(T0 + 20 * MINUTE + 48 * HOUR).toISOString());

    const reopened = must(fold([...seq, ev('complaint.reopened', null, { at: 30 })], ctx));
    expect(reopened).toMatchObject({ status: 'in_progress', resolution: null, flags: { reopenedCount: 1 } });
    expect(reopened.deadlines.writtenResult).toBeUndefined();
  });

  it('re-checks refund authority against the policy and decides each request once', () => {
    const { ev, events } = filedComplaint();
    const small = ev('refund.requested', { amount: 50, withinAuthority: true }, { at: 10, id: 'r-small' });
    const big = ev('refund.requested', { amount: 80, withinAuthority: true }, { at: 11, id: 'r-big' });
    const approve = ev('refund.approved', { requestId: 'r-big' }, { at: 12 });
    const deny = ev('refund.denied', { requestId: 'r-big', reason: '重复' }, { at: 13 });
    const unknown = ev('refund.approved', { requestId: 'r-none' }, { at: 14 });
    const p = must(fold([...events, small, big, approve, deny, unknown], ctx));
    expect(p.refunds).toEqual([
      { requestId: 'r-small', amount: 50, withinAuthority: true, decision: 'pending' },
      { requestId: 'r-big', amount: 80, withinAuthority: false, decision: 'approved' },
    ]);
    expect(stateOf(p, deny.id)?.state).toBe('superseded');
    expect(stateOf(p, unknown.id)?.state).toBe('invalid');
  });

  it('extends the handling deadline by the granted working days', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', { grade: 1 });
    const base = must(fold([created], ctx)).deadlines.handling;
    const p = must(fold([created, ev('extension.granted', { days: 3, reasonToldCustomer: '外部核实' })], ctx));
    expect(p.flags.extensionDays).toBe(3);
    expect(p.deadlines.handling).toBe('2026-12-07T09:00:00.000Z');
    expect(p.deadlines.handling).not.toBe(base);
  });

  it('erases redacted personal data from the projection', () => {
    const ev = eventFactory();
    const p = must(
      fold([ev('complaint.created'), ev('note.added', { text: '客户电话 13800138000' }), ev('complaint.redacted', { fields: ['complainant.phone', 'notes', 'description'] })], ctx),
    );
    expect(p.complainant?.phone).toBe('');
    expect(p.complainant?.name).toBe('张三');
    expect(p.description).toBe('');
    expect(p.notes[0]?.text).toBe('');
    expect(p.flags.redactedFields).toEqual(['complainant.phone', 'description', 'notes']);
  });

  it('transfers to another branch and ignores a transfer to where it already is', () => {
    const ev = eventFactory();
    const again = ev('complaint.transferred', { toBranchId: 'dg' }, { at: 11 });
    const p = must(fold([ev('complaint.created'), ev('complaint.transferred', { toBranchId: 'dg' }, { at: 10 }), again], ctx));
    expect(p.branchId).toBe('dg');
    expect(stateOf(p, again.id)?.state).toBe('superseded');
  });
});

describe('fold: robustness', () => {
  it('marks an unknown type or a malformed payload invalid without losing it', () => {
    const ev = eventFactory();
    const weird = { ...ev('note.added'), type: 'note.pinned' };
    const broken = { ...ev('note.added'), payload: { text: 42 } } as unknown as EventEnvelope;
    const p = must(fold([ev('complaint.created', null, { at: 0 }), weird, broken], ctx));
    expect(p.eventCount).toBe(3);
    expect(stateOf(p, weird.id)?.state).toBe('invalid');
    expect(stateOf(p, broken.id)).toMatchObject({ state: 'invalid', why: expect.stringContaining('payload') });
  });

  it('ignores server fields, so a pushed copy and a pulled copy fold the same', () => {
    const ev = eventFactory();
    const events = [ev('complaint.created'), ev('note.added')];
    const pulled = events.map((e, i) => ({ ...e, seq: i + 1, receivedAt: '2026-11-23T01:00:00.000Z', status: 'accepted' }) as StoredEvent);
    expect(fold(pulled, ctx)).toEqual(fold(events, ctx));
  });

  it('takes a pending event back out when its rejected copy arrives', () => {
    const ev = eventFactory();
    const created = ev('complaint.created');
    const note = ev('note.added');
    const withNote = apply(apply(null, created, ctx), note, ctx);
    const rejected = { ...note, status: 'rejected', reason: { code: 'forbidden', message: 'no' } } as StoredEvent;
    expect(apply(withNote, rejected, ctx)).toEqual(fold([created], ctx));
    expect(fold([created, note, rejected], ctx)).toEqual(fold([created], ctx));
    expect(apply(fold([created], ctx), rejected, ctx)).toEqual(fold([created], ctx));
  });

  it('returns the same object for a duplicate and never changes its input', () => {
    const ev = eventFactory();
    const created = ev('complaint.created');
    const note = ev('note.added');
    const p = must(fold([created], ctx));
    const snapshot = structuredClone(p);
    const q = apply(p, note, ctx);
    expect(p).toEqual(snapshot);
    expect(apply(q, { ...note }, ctx)).toBe(q);
    expect(apply(q, { ...created, complaintId: 'c-other' }, ctx)).toBe(q);
  });

  it('applies in any arrival order to the batch result', () => {
    const { ev, events } = filedComplaint();
    const all = [...events, ev('parties.notified'), ev('complaint.graded', { grade: 2 }), ev('resolution.recorded')];
    expect(applyAll([...all].reverse())).toEqual(fold(all, ctx));
    expect(applyAll(all)).toEqual(fold(all, ctx));
  });
});
