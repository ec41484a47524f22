import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory, T0, MINUTE } from '../test-support/fold-fixtures';
import type { EventEnvelope } from '../events/envelope';
import type { EventType } from '../events/catalogue';
import type { ComplaintProjection } from '../fold/projection';
import { ROLES, type Role } from '../roles';
import { ACTION_IDS, actionEvent, availableActions, checkWrite, transferredAway, type ActionUser } from './available-actions';
import { canWrite, inScope } from './permissions';

const ctx = defaultFoldContext();
const NOW = new Date(T0 + 3 * 24 * 60 * MINUTE).toISOString();

function history(build: (ev: ReturnType<typeof eventFactory>) => EventEnvelope[]): { p: ComplaintProjection; events: EventEnvelope[] } {
  const ev = eventFactory('c-1');
  const events = [ev('complaint.created', null), ...build(ev)];
  return { p: fold(events, ctx)!, events };
}

const gz = (role: Role): ActionUser => ({ role, branchId: 'gz' });

describe('availableActions', () => {
  it('lets an agent escalate and file a registered complaint but not transfer it', () => {
    const { p } = history(() => []);
    const a = availableActions(gz('agent'), p, ctx, NOW);
    expect(a.has('escalate')).toBe(true);
    expect(a.has('fileWorkOrder')).toBe(true);
    expect(a.has('transfer')).toBe(false);
  });

  it('offers no escalation at the top of the ladder', () => {
    const { p } = history((ev) => [ev('complaint.escalated', { fromLevel: 0, toLevel: 4, reason: 'request' })]);
    expect(availableActions(gz('director'), p, ctx, NOW).has('escalate')).toBe(false);
  });

  it('does not offer the officer a review before the lead has written the mid-course note', () => {
    const { p } = history((ev) => [ev('work_order.filed', null), ev('parties.notified', { agentIds: ['a1'] })]);
    expect(p.status).toBe('callback_pending');
    const officer = availableActions(gz('complaint_officer'), p, ctx, NOW);
    expect(officer.has('officerReview')).toBe(false);
    const lead = availableActions(gz('team_lead'), p, ctx, NOW);
    expect(lead.has('midCourseNote')).toBe(true);
    expect(lead.has('callbackAttempt')).toBe(true);
    const noted = history((ev) => [
      ev('work_order.filed', null),
      ev('parties.notified', { agentIds: ['a1'] }),
      ev('callback.mid_course_note', null),
    ]).p;
    expect(availableActions(gz('complaint_officer'), noted, ctx, NOW).has('officerReview')).toBe(true);
    expect(availableActions(gz('team_lead'), noted, ctx, NOW).has('callbackAttempt')).toBe(false);
  });

  it('leaves a complaint transferred away read-only for the old branch and says where it went', () => {
    const { p } = history((ev) => [ev('work_order.filed', null), ev('complaint.transferred', { toBranchId: 'dg' })]);
    for (const role of ['agent', 'team_lead', 'complaint_officer', 'supervisor'] as const) {
      expect(availableActions(gz(role), p, ctx, NOW).size).toBe(0);
      expect(transferredAway(gz(role), p)).toEqual({ toBranchId: 'dg' });
    }
    expect(availableActions({ role: 'supervisor', branchId: 'dg' }, p, ctx, NOW).has('assign')).toBe(true);
    expect(transferredAway({ role: 'supervisor', branchId: 'dg' }, p)).toBeNull();
    expect(transferredAway({ role: 'director', branchId: 'hq' }, p)).toBeNull();
  });

  it('gives refund decisions to supervisors only while a request is pending', () => {
    const pending = history((ev) => [ev('work_order.filed', null), ev('refund.requested', { amount: 500 }, { id: 'r-1' })]).p;
    expect(availableActions(gz('supervisor'), pending, ctx, NOW).has('refundDecision')).toBe(true);
    expect(availableActions(gz('complaint_officer'), pending, ctx, NOW).has('refundDecision')).toBe(false);
    const none = history((ev) => [ev('work_order.filed', null)]).p;
    expect(availableActions(gz('supervisor'), none, ctx, NOW).has('refundDecision')).toBe(false);
  });

  it('reopens what is closed, and closes what is resolved', () => {
    const resolved = history((ev) => [ev('work_order.filed', null), ev('resolution.recorded', null)]).p;
    expect(availableActions(gz('supervisor'), resolved, ctx, NOW).has('close')).toBe(true);
    const closed = history((ev) => [
      ev('work_order.filed', null),
      ev('resolution.recorded', null),
      ev('customer.notified', { purpose: 'result' }),
      ev('complaint.closed', null),
    ]).p;
    expect(closed.status).toBe('closed');
    const a = availableActions(gz('supervisor'), closed, ctx, NOW);
    expect(a.has('reopen')).toBe(true);
    expect(a.has('escalate')).toBe(false);
    expect(a.has('close')).toBe(false);
  });
});

describe('withdrawal', () => {
  it('offers the lead the reversal of a withdrawal, and not the agent; nobody reopens it into handling', () => {
    const { p } = history((ev) => [ev('soothing.recorded', { outcome: 'withdrawn' })]);
    expect(availableActions(gz('team_lead'), p, ctx, NOW).has('reverseWithdrawal')).toBe(true);
    expect(availableActions(gz('agent'), p, ctx, NOW).has('reverseWithdrawal')).toBe(false);
    expect(availableActions(gz('supervisor'), p, ctx, NOW).has('reopen')).toBe(false);
    const { p: open } = history(() => []);
    expect(availableActions(gz('team_lead'), open, ctx, NOW).has('reverseWithdrawal')).toBe(false);
  });
});

describe('checkWrite', () => {
  it('refuses an officer revoking before the note, with the fold reason, the way the server does', () => {
    const ev = eventFactory('c-1');
    const { p } = history((e) => [e('work_order.filed', null), e('parties.notified', { agentIds: ['a1'] })]);
    const revoke = ev('officer.reviewed', { decision: 'revoked' }, { at: 9000 });
    const r = checkWrite(gz('complaint_officer'), p, revoke, ctx);
    expect(r).toEqual({ ok: false, code: 'illegal_state', why: 'The team lead has not added the mid-course note yet' });
    expect(checkWrite(gz('agent'), p, revoke, ctx)).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(checkWrite({ role: 'complaint_officer', branchId: 'dg' }, p, revoke, ctx)).toMatchObject({ ok: false, code: 'out_of_scope' });
  });
});

/** Moves of a complaint's life: legal or not depending on where they land. */
const MOVES: [EventType, Record<string, unknown> | null][] = [
  ['soothing.recorded', { outcome: 'not_accepted' }],
  ['soothing.recorded', { outcome: 'withdrawn' }],
  ['complaint.not_accepted', null],
  ['complaint.escalated', { fromLevel: 0, toLevel: 2, reason: 'request' }],
  ['complaint.escalated', { fromLevel: 0, toLevel: 4, reason: 'request' }],
  ['complaint.transferred', { toBranchId: 'dg' }],
  ['work_order.filed', null],
  ['parties.notified', { agentIds: ['a1'] }],
  ['parties.notified', { agentIds: ['a1', 'a2'] }],
  ['callback.attempted', { reached: false, serial: 'S-1' }],
  ['callback.mid_course_note', null],
  ['customer.urged', null],
  ['officer.reviewed', { decision: 'continue' }],
  ['officer.reviewed', { decision: 'revoked' }],
  ['investigation.recorded', null],
  ['resolution.recorded', null],
  ['refund.requested', { amount: 500 }],
  ['survey.recorded', null],
  ['customer.notified', { purpose: 'result' }],
  ['complaint.closed', null],
  ['complaint.closed', { resultNotToldReason: '客户拒绝接听' }],
  ['complaint.reopened', null],
  ['withdrawal.reversed', null],
];

describe('availableActions (property)', () => {
  it('offers exactly what the role may write, in scope, and what the whole fold then applies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: MOVES.length - 1 }), { maxLength: 10 }),
        fc.constantFrom(...ROLES),
        fc.constantFrom('gz', 'dg'),
        (moves, role, branchId) => {
          const ev = eventFactory('c-1');
          const events = [ev('complaint.created', null), ...moves.map((m) => ev(MOVES[m]![0], MOVES[m]![1] as never))];
          const p = fold(events, ctx)!;
          const user = { role, branchId };
          const offered = availableActions(user, p, ctx, NOW);
          for (const id of ACTION_IDS) {
            if (!offered.has(id)) continue;
            // Offered ⇒ the server's role and scope checks pass ...
            expect(canWrite(role, actionEvent(id))).toBe(true);
            expect(inScope(user, p.branchId)).toBe(true);
          }
          if (!inScope(user, p.branchId)) expect(offered.size).toBe(0);
          // ... and a note, an offered action with a sample payload, is applied by a full fold.
          if (offered.has('note')) {
            const note = ev('note.added', null, { at: 5000 });
            expect(fold([...events, note], ctx)!.timeline.at(-1)!.state).toBe('applied');
            expect(checkWrite(user, p, note, ctx)).toEqual({ ok: true });
          }
          if (offered.has('close')) {
            // Closing a resolved complaint whose result was not told carries the reason why not (the form asks for it).
            const close = ev('complaint.closed', p.resultNotifiedAt === null ? { resultNotToldReason: '客户拒绝接听' } : null, { at: 5000 });
            expect(fold([...events, close], ctx)!.timeline.at(-1)!.state).toBe('applied');
          }
          if (offered.has('escalate')) {
            const up = ev('complaint.escalated', { fromLevel: p.escalationLevel, toLevel: p.escalationLevel + 1, reason: 'request' } as never, { at: 5000 });
            expect(fold([...events, up], ctx)!.timeline.at(-1)!.state).toBe('applied');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with a full fold on every event the user writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: MOVES.length - 1 }), { maxLength: 10 }),
        fc.nat({ max: MOVES.length - 1 }),
        (moves, next) => {
          const ev = eventFactory('c-1');
          const events = [ev('complaint.created', null), ...moves.map((m) => ev(MOVES[m]![0], MOVES[m]![1] as never))];
          const p = fold(events, ctx)!;
          const candidate = ev(MOVES[next]![0], MOVES[next]![1] as never, { at: 5000 });
          const applied = fold([...events, candidate], ctx)!.timeline.at(-1)!.state === 'applied';
          const check = checkWrite({ role: 'director', branchId: 'hq' }, p, candidate, ctx);
          // A director sees every branch: never out of scope.
          expect(check.ok || check.code !== 'out_of_scope').toBe(true);
          if (check.ok) expect(applied).toBe(true);
          if (!check.ok && check.code === 'illegal_state') expect(applied).toBe(false);
          if (canWrite('director', candidate.type)) expect(check.ok).toBe(applied);
        },
      ),
      { numRuns: 300 },
    );
  });
});
