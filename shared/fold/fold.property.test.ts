import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, compareEvents, fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { breachEventId } from '../ids/breach-id';
import type { EventEnvelope } from '../events/envelope';
import type { Grade } from '../events/fields';
import type { ComplaintProjection } from './projection';

const ctx = defaultFoldContext();
const NODES = ['00000000000000aa', '00000000000000bb', '00000000000000cc'] as const;

type Ev = ReturnType<typeof eventFactory>;
type Variant = (ev: Ev, o: { at: number; node: string; counter: number; id: string }, n: number) => EventEnvelope;

/** Realistic moves of a complaint's life, legal or not depending on where they land. */
const VARIANTS: Variant[] = [
  (ev, o) => ev('soothing.recorded', { outcome: 'not_accepted' }, o),
  (ev, o) => ev('soothing.recorded', { outcome: 'withdrawn' }, o),
  (ev, o) => ev('complaint.not_accepted', null, o),
  (ev, o) => ev('note.added', { text: `note ${o.id}` }, o),
  (ev, o) => ev('complaint.classified', { category: 'price' }, o),
  (ev, o, n) => ev('complaint.graded', { grade: ((n % 4) + 1) as Grade }, o),
  (ev, o, n) => ev('complaint.assigned', { assigneeId: `u-${n % 3}` }, o),
  (ev, o) => ev('complaint.escalated', { fromLevel: 0, toLevel: 2, reason: 'request' }, o),
  (ev, o) => ev('complaint.escalated', { fromLevel: 1, toLevel: 2, reason: 'breach', clock: 'handling' }, { ...o, id: breachEventId('c-1', 'handling') }),
  (ev, o) => ev('complaint.escalated', { fromLevel: 1, toLevel: 2, reason: 'breach', clock: 'callback' }, o),
  (ev, o) => ev('complaint.transferred', { toBranchId: 'dg' }, o),
  (ev, o) => ev('work_order.filed', null, o),
  (ev, o) => ev('work_order.filed', null, o),
  (ev, o) => ev('parties.notified', null, o),
  (ev, o, n) => ev('parties.notified', { agentIds: n % 2 ? ['a1'] : ['a1', 'a2'] }, o),
  (ev, o) => ev('callback.scheduled', null, o),
  (ev, o, n) => ev('callback.attempted', { reached: n % 3 === 0, serial: `S-${n}` }, o),
  (ev, o, n) => ev('callback.attempted', { reached: false, serial: `S-${n}` }, o),
  (ev, o) => ev('callback.mid_course_note', null, o),
  (ev, o) => ev('customer.urged', null, o),
  (ev, o, n) => ev('officer.reviewed', { decision: n % 2 ? 'revoked' : 'continue' }, o),
  (ev, o) => ev('investigation.recorded', null, o),
  (ev, o) => ev('resolution.recorded', { text: `resolution ${o.id}` }, o),
  (ev, o) => ev('resolution.recorded', { text: `resolution ${o.id}` }, o),
  (ev, o, n) => ev('refund.requested', { amount: 10 + n, withinAuthority: true }, { ...o, id: `r-${n % 3}` }),
  (ev, o, n) => ev('refund.approved', { requestId: `r-${n % 3}` }, o),
  (ev, o, n) => ev('refund.denied', { requestId: `r-${n % 3}`, reason: 'no' }, o),
  (ev, o) => ev('customer.notified', null, o),
  (ev, o, n) => ev('survey.recorded', { score: (n % 5) + 1, scale: 5 }, o),
  (ev, o) => ev('complaint.closed', null, o),
  (ev, o) => ev('complaint.closed', null, o),
  (ev, o) => ev('complaint.reopened', null, o),
  (ev, o, n) => ev('extension.granted', { days: (n % 5) + 1, reasonToldCustomer: 'x' }, o),
  (ev, o) => ev('complaint.redacted', { fields: ['complainant.phone', 'notes'] }, o),
];

const moveArb = fc.record({
  variant: fc.nat({ max: VARIANTS.length - 1 }),
  at: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  node: fc.constantFrom(...NODES),
  counter: fc.nat({ max: 2 }),
  n: fc.nat({ max: 11 }),
});

/** The usual life of a complaint, as indices into VARIANTS, so deep states are reached. */
const BACKBONE = [0, 11, 13, 15, 16, 18, 20, 21, 24, 25, 22, 27, 28, 29, 31, 22, 29];

/**
 * A complaint's event set: the creation (usually first), part of the usual
 * life in order, and up to 30 moves at random times from random replicas
 * (concurrent, duplicated by id, or illegal where they land).
 */
const eventSetArb = fc
  .record({
    createdAt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
    backbone: fc.subarray(BACKBONE.map((v, i) => ({ v, i }))),
    backboneNode: fc.constantFrom(...NODES),
    moves: fc.array(moveArb, { maxLength: 30 }),
  })
  .map(({ createdAt, backbone, backboneNode, moves }) => {
    const ev = eventFactory('c-1');
    const events = [ev('complaint.created', { grade: 1 }, { at: createdAt, id: 'g-created', node: NODES[0] })];
    backbone.forEach(({ v, i }) => {
      events.push(VARIANTS[v]!(ev, { at: 10 + i * 200, node: backboneNode, counter: 0, id: `b-${String(i).padStart(3, '0')}` }, i));
    });
    moves.forEach((m, i) => {
      const variant = VARIANTS[m.variant]!;
      events.push(variant(ev, { at: m.at, node: m.node, counter: m.counter, id: `g-${String(i).padStart(3, '0')}` }, m.n));
    });
    return events;
  });

/** Long complaints, so the paths for long histories (an id table instead of a scan) are exercised too. */
const longEventSetArb = fc
  .record({ moves: fc.array(moveArb, { minLength: 70, maxLength: 140 }), backboneNode: fc.constantFrom(...NODES) })
  .map(({ moves, backboneNode }) => {
    const ev = eventFactory('c-1');
    const events = [ev('complaint.created', { grade: 1 }, { at: 0, id: 'g-created', node: NODES[0] })];
    BACKBONE.forEach((v, i) => events.push(VARIANTS[v]!(ev, { at: 10 + i * 200, node: backboneNode, counter: 0, id: `b-${String(i).padStart(3, '0')}` }, i)));
    moves.forEach((m, i) => {
      events.push(VARIANTS[m.variant]!(ev, { at: m.at, node: m.node, counter: m.counter, id: `g-${String(i).padStart(3, '0')}` }, m.n));
    });
    return events;
  });

/** Deterministic shuffle from a seed, so a failing case replays exactly. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function withDuplicates(events: readonly EventEnvelope[], picks: readonly number[]): EventEnvelope[] {
  if (events.length === 0) return [];
  return [...events, ...picks.map((k) => structuredClone(events[k % events.length]!))];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const applyAll = (events: readonly EventEnvelope[]) =>
  events.reduce<ComplaintProjection | null>((p, e) => apply(p, e, ctx), null);

describe('fold properties', () => {
  it('any permutation with any duplication folds to the identical projection', () => {
    fc.assert(
      fc.property(eventSetArb, fc.array(fc.nat(), { maxLength: 10 }), fc.integer(), (events, picks, seed) => {
        const expected = fold(events, ctx);
        expect(fold(shuffled(withDuplicates(events, picks), seed), ctx)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('incremental apply in any arrival order equals the batch fold', () => {
    fc.assert(
      fc.property(eventSetArb, fc.array(fc.nat(), { maxLength: 10 }), fc.integer(), (events, picks, seed) => {
        expect(applyAll(shuffled(withDuplicates(events, picks), seed))).toEqual(fold(events, ctx));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every event once, in (HLC, id) order, with a reason for each one not applied', () => {
    fc.assert(
      fc.property(eventSetArb, (events) => {
        const p = fold(events, ctx)!;
        const ids = new Set(events.map((e) => e.id));
        expect(p.eventCount).toBe(ids.size);
        expect(p.timeline).toHaveLength(ids.size);
        for (let i = 1; i < p.timeline.length; i++) {
          expect(compareEvents({ hlc: p.timeline[i - 1]!.hlc, id: p.timeline[i - 1]!.eventId }, { hlc: p.timeline[i]!.hlc, id: p.timeline[i]!.eventId })).toBeLessThan(0);
        }
        for (const t of p.timeline) {
          if (t.state === 'applied') expect(t.why).toBeUndefined();
          else expect(t.why).toMatch(/\w/);
        }
        expect(p.lastHlc).toBe(p.timeline.at(-1)!.hlc);
        expect(p.escalations.filter((e) => e.reason === 'breach' && e.clock === 'handling').length).toBeLessThanOrEqual(1);
        expect(p.escalationLevel).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes a projection it was given, frozen or not, whatever the steps', () => {
    fc.assert(
      fc.property(eventSetArb, fc.boolean(), (events, frozen) => {
        const inOrder = [...events].sort(compareEvents);
        const seen: { p: ComplaintProjection; snapshot: ComplaintProjection }[] = [];
        let p: ComplaintProjection | null = null;
        for (const e of inOrder) {
          p = apply(frozen && p ? deepFreeze(p) : p, e, ctx);
          if (p) seen.push({ p, snapshot: structuredClone(p) });
        }
        for (const { p: q, snapshot } of seen) expect(q).toEqual(snapshot);
        expect(p).toEqual(fold(events, ctx));
      }),
      { numRuns: 100 },
    );
  });

  it('long complaints: incremental apply in any arrival order, with duplicates, equals the batch fold', () => {
    fc.assert(
      fc.property(longEventSetArb, fc.array(fc.nat(), { maxLength: 20 }), fc.integer(), (events, picks, seed) => {
        const expected = fold(events, ctx);
        expect(applyAll(shuffled(withDuplicates(events, picks), seed))).toEqual(expected);
        const inOrder = [...events].sort(compareEvents);
        expect(applyAll([...inOrder, ...withDuplicates(inOrder, picks).slice(inOrder.length)])).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('the in-order path and the replay path agree on long histories', () => {
    fc.assert(
      fc.property(eventSetArb, (events) => {
        const inOrder = [...events].sort(compareEvents);
        expect(applyAll(inOrder)).toEqual(fold(events, ctx));
      }),
      { numRuns: 100 },
    );
  });
});
