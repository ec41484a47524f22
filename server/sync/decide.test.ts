import { describe, expect, it } from 'vitest';
import { calendarFromPolicy } from '../../shared/calendar/calendar';
import { EVENT_SCHEMA_VERSION, type EventType, type PayloadOf } from '../../shared/events/catalogue';
import type { EventEnvelope } from '../../shared/events/envelope';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import { fold } from '../../shared/fold/fold';
import { createClock, formatHlc, tick, type HlcClock } from '../../shared/hlc/hlc';
import { defaultPolicy } from '../../shared/policy/policy';
import type { Role } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import { decidePush, prepare, settle, type DecisionState, type Writer } from './decide';
import { canonicalJson } from '../../shared/json/canonical-json';

/** The decision without a database: state in, plan out. */

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const RECEIVED = new Date(NOW).toISOString();
const policy = defaultPolicy;
const settings = { policy, calendar: calendarFromPolicy(policy), branches: new Set(['gz', 'dg']), version: 1 };

const user = (id: string, role: Role, branchId: string | null): Writer => ({
  kind: 'user',
  user: { id, username: id, displayName: id, role, branchId, teamId: null, jobNumber: null } satisfies AuthUser,
});
const agent = user('u-agent', 'agent', 'gz');
const officer = user('u-officer', 'complaint_officer', 'gz');

let clock: HlcClock = createClock('00000000000000d1');
let n = 0;
function ev<T extends EventType>(type: T, complaintId: string, actorId: string, payload?: PayloadOf<T>, branchId = 'gz'): EventEnvelope {
  const next = tick(clock, NOW - 60_000);
  clock = next.clock;
  return {
    id: `e-${++n}`,
    complaintId,
    type,
    actorId,
    branchId,
    hlc: next.stamp,
    occurredAt: new Date(NOW - 60_000).toISOString(),
    payload: { ...((payload ?? samplePayloads[type]) as Record<string, unknown>) },
    v: EVENT_SCHEMA_VERSION,
    _deleted: false,
  };
}
const created = (complaintId: string) =>
  ev('complaint.created', complaintId, 'u-agent', { ...samplePayloads['complaint.created'], number: `GZ-${complaintId}`, receivedAt: new Date(NOW - 120_000).toISOString() });
const rows = (...docs: EventEnvelope[]) => docs.map((d) => ({ id: d.id, doc: { ...d } as Record<string, unknown> }));
const empty = (): DecisionState => ({ settings, existing: new Map(), complaints: new Map() });
/** A state holding a complaint already folded from `events`. */
function stateWith(...events: EventEnvelope[]): DecisionState {
  const s = empty();
  const p = fold(events, { policy, calendar: settings.calendar });
  if (!p) throw new Error('nothing folded');
  s.complaints.set(p.id, { branchId: p.branchId, projectionText: JSON.stringify(p), mark: '1' });
  return s;
}
const verdicts = (plan: ReturnType<typeof decidePush>) => plan.fresh.map((d) => [d.incoming.id, d.reason?.code ?? 'accepted']);

describe('decidePush (pure)', () => {
  it('accepts a new complaint with its note in one push, folds it once and plans a feed row each', () => {
    const c = created('c1');
    const note = ev('note.added', 'c1', 'u-agent');
    const plan = decidePush(empty(), agent, prepare(rows(c, note)), RECEIVED);
    expect(verdicts(plan)).toEqual([[c.id, 'accepted'], [note.id, 'accepted']]);
    expect(plan.projections).toHaveLength(1);
    expect(plan.projections[0]).toMatchObject({ id: 'c1', branchId: 'gz', eventCount: 2 });
    expect(plan.feed.map((f) => [f.event_id, f.branch_id, f.accepted, f.origin])).toEqual([
      [c.id, 'gz', true, true],
      [note.id, 'gz', true, true],
    ]);
    expect(plan).toMatchObject({ writerId: 'u-agent', receivedAt: RECEIVED, unchanged: 0, returned: [] });
  });

  it('rejects with the reasons of the protocol, in its order, and keeps the rest', () => {
    const base = created('c2');
    const s = stateWith(base);
    const wrongRole = ev('complaint.transferred', 'c2', 'u-agent');
    const otherActor = ev('note.added', 'c2', 'u-lead');
    const unknown = ev('note.added', 'nowhere', 'u-agent');
    const future = { ...ev('note.added', 'c2', 'u-agent'), hlc: formatHlc({ wallMs: NOW + policy.sync.hlcMaxSkewMs + 1000, counter: 0, node: '00000000000000d1' }) };
    const badSchema = { ...ev('note.added', 'c2', 'u-agent'), payload: { text: 42 } } as unknown as EventEnvelope;
    const fine = ev('note.added', 'c2', 'u-agent');
    const plan = decidePush(s, agent, prepare(rows(wrongRole, otherActor, unknown, future, badSchema, fine)), RECEIVED);
    expect(verdicts(plan)).toEqual([
      [wrongRole.id, 'role_not_allowed'],
      [otherActor.id, 'actor_mismatch'],
      [unknown.id, 'unknown_complaint'],
      [future.id, 'clock_ahead'],
      [badSchema.id, 'schema'],
      [fine.id, 'accepted'],
    ]);
    expect(plan.projections[0]?.eventCount).toBe(2);
    expect(plan.feed.filter((f) => !f.accepted).map((f) => f.branch_id)).toEqual([null, null, null, null, null]);
  });

  it('a branch-scoped user cannot write into another branch', () => {
    const s = stateWith(created('c3'));
    const dgAgent = user('u-agent', 'agent', 'dg');
    const note = ev('note.added', 'c3', 'u-agent', undefined, 'dg');
    expect(verdicts(decidePush(s, dgAgent, prepare(rows(note)), RECEIVED))).toEqual([[note.id, 'out_of_scope']]);
  });

  it("a director's event must carry the complaint's branch when written (branch_mismatch otherwise)", () => {
    const director = user('u-director', 'director', null);
    const s = stateWith(created('c3d'));
    const wrong = ev('note.added', 'c3d', 'u-director', undefined, 'dg');
    const right = ev('note.added', 'c3d', 'u-director', undefined, 'gz');
    const plan = decidePush(s, director, prepare(rows(wrong, right)), RECEIVED);
    expect(verdicts(plan)).toEqual([[wrong.id, 'branch_mismatch'], [right.id, 'accepted']]);
    expect(plan.fresh[0]?.reason?.message).toMatch(/names branch dg.*was in branch gz/);
  });

  it("after a transfer, an event stamped before it keeps the old branch and one stamped after names the new one", () => {
    const director = user('u-director', 'director', null);
    const c = created('c3t');
    const before = ev('note.added', 'c3t', 'u-director', undefined, 'gz');
    const s = stateWith(c, ev('complaint.transferred', 'c3t', 'u-officer'));
    const after = ev('note.added', 'c3t', 'u-director', undefined, 'gz');
    const afterDg = ev('note.added', 'c3t', 'u-director', undefined, 'dg');
    const plan = decidePush(s, director, prepare(rows(before, after, afterDg)), RECEIVED);
    expect(verdicts(plan)).toEqual([[before.id, 'accepted'], [after.id, 'branch_mismatch'], [afterDg.id, 'accepted']]);
  });

  it('a transfer earlier in the same push moves the branch for the events stamped after it', () => {
    const director = user('u-director', 'director', null);
    const s = stateWith(created('c3p'));
    const transfer = ev('complaint.transferred', 'c3p', 'u-director', undefined, 'gz');
    const stillGz = ev('note.added', 'c3p', 'u-director', undefined, 'gz');
    const nowDg = ev('note.added', 'c3p', 'u-director', undefined, 'dg');
    expect(verdicts(decidePush(s, director, prepare(rows(transfer, stillGz, nowDg)), RECEIVED))).toEqual([
      [transfer.id, 'accepted'],
      [stillGz.id, 'branch_mismatch'],
      [nowDg.id, 'accepted'],
    ]);
  });

  it('an event the fold marks invalid is rejected (illegal_state) and the others still fold', () => {
    const s = stateWith(created('c4'));
    const reopen = ev('complaint.reopened', 'c4', 'u-officer');
    const note = ev('note.added', 'c4', 'u-officer');
    const plan = decidePush(s, officer, prepare(rows(reopen, note)), RECEIVED);
    expect(verdicts(plan)).toEqual([[reopen.id, 'illegal_state'], [note.id, 'accepted']]);
  });

  it('a repeat is unchanged, a changed copy of a stored event is a conflict, the same id twice is stored once', () => {
    const c = created('c5');
    const s = empty();
    s.existing.set(c.id, { id: c.id, seq: 7, complaint_id: 'c5', status: 'accepted', reason_code: null, reason_message: null, pushed_by: 'u-agent', received_at: RECEIVED, doc: canonicalJson(c) });
    const changed = { ...c, payload: { ...c.payload, description: 'changed' } };
    const twice = created('c6');
    const plan = decidePush(s, agent, prepare(rows(c, changed, twice, twice)), RECEIVED);
    expect(plan.unchanged).toBe(2);
    expect(plan.returned).toHaveLength(1);
    expect(JSON.parse(plan.returned[0] as string)).toMatchObject({ id: c.id, seq: 7, status: 'accepted', payload: c.payload });
    expect(plan.fresh.map((d) => d.incoming.id)).toEqual([twice.id]);
  });

  it('a transfer re-announces the history to the new branch and the event to the old one', () => {
    const c = created('c7');
    const s = stateWith(c);
    const transfer = ev('complaint.transferred', 'c7', 'u-officer');
    const plan = decidePush(s, officer, prepare(rows(transfer)), RECEIVED);
    expect(verdicts(plan)).toEqual([[transfer.id, 'accepted']]);
    expect(plan.feed.map((f) => [f.event_id, f.branch_id, f.origin])).toEqual([
      [c.id, 'dg', false],
      [transfer.id, 'dg', true],
      [transfer.id, 'gz', false],
    ]);
  });

  it('a complaint created and transferred in one push stays in the feed of the branch it was created in', () => {
    const c = { ...created('c7b'), actorId: 'u-officer' };
    const transfer = ev('complaint.transferred', 'c7b', 'u-officer');
    const plan = decidePush(empty(), officer, prepare(rows(c, transfer)), RECEIVED);
    expect(verdicts(plan)).toEqual([[c.id, 'accepted'], [transfer.id, 'accepted']]);
    expect(plan.feed.map((f) => [f.event_id, f.branch_id, f.origin])).toEqual([
      [c.id, 'dg', true],
      [c.id, 'gz', false],
      [transfer.id, 'dg', true],
      [transfer.id, 'gz', false],
    ]);
  });

  it('judges each event against the state the events before it left: after a transfer to dg, a gz officer\'s note is out of scope', () => {
    const s = stateWith(created('c8'));
    const transfer = ev('complaint.transferred', 'c8', 'u-officer');
    const note = ev('note.added', 'c8', 'u-officer');
    const plan = decidePush(s, officer, prepare(rows(transfer, note)), RECEIVED);
    expect(verdicts(plan)).toEqual([[transfer.id, 'accepted'], [note.id, 'out_of_scope']]);
    expect(plan.projections[0]?.eventCount).toBe(2);
  });

  it('a transfer the fold refuses moves nothing: the events after it are judged in the old branch', () => {
    const s = stateWith(created('c9'));
    const notAccepted = ev('complaint.not_accepted', 'c9', 'u-officer');
    const transfer = ev('complaint.transferred', 'c9', 'u-officer');
    const note = ev('note.added', 'c9', 'u-officer');
    const plan = decidePush(s, officer, prepare(rows(notAccepted, transfer, note)), RECEIVED);
    expect(verdicts(plan)).toEqual([[notAccepted.id, 'accepted'], [transfer.id, 'illegal_state'], [note.id, 'accepted']]);
    expect(plan.projections[0]?.branchId).toBe('gz');
  });

  it('an event with a NUL or a lone surrogate in an id or a text is rejected and the rest accepted', () => {
    const good = created('c10');
    const nulId = created('c\u0000x');
    const surrogateText = { ...created('c11'), payload: { ...created('c11').payload, description: 'broken \ud800 pair' } };
    const nulKey = { ...ev('note.added', 'c10', 'u-agent'), payload: { text: 'ok', ['k\u0000']: 1 } } as unknown as EventEnvelope;
    const plan = decidePush(empty(), agent, prepare(rows(good, nulId, surrogateText, nulKey)), RECEIVED);
    expect(verdicts(plan)).toEqual([[good.id, 'accepted'], [nulId.id, 'schema'], [surrogateText.id, 'schema'], [nulKey.id, 'schema']]);
    expect(plan.fresh[1]?.complaintId).toBeNull();
  });

  it('settle answers with the rejected events and their sequence numbers', () => {
    const bad = ev('note.added', 'nowhere', 'u-agent');
    const plan = decidePush(empty(), agent, prepare(rows(bad)), RECEIVED);
    const result = settle(plan, [{ s: '41', event_id: bad.id, origin: true }]);
    expect(result).toMatchObject({ accepted: 0, rejected: 1, unchanged: 0, maxSeq: 41 });
    expect(JSON.parse(result.returned[0] as string)).toMatchObject({ id: bad.id, seq: 41, status: 'rejected', reason: { code: 'unknown_complaint' } });
  });
});

describe('decidePush for a branch hub relaying (pure)', () => {
  const person = (w: Writer) => (w.kind === 'user' ? w.user : (undefined as never));
  const hub: Writer = {
    kind: 'relay',
    hub: { id: 'u-hub', username: 'hub.gz', displayName: 'hub.gz', role: 'hub', branchId: 'gz', teamId: null, jobNumber: null },
    actors: new Map([
      ['u-agent', person(agent)],
      ['u-officer', person(officer)],
    ]),
  };

  it('judges each event as its actor, within the hub branch, and makes the actor its author', () => {
    const c = created('r1');
    const note = ev('note.added', 'r1', 'u-officer');
    const stranger = ev('note.added', 'r1', 'u-agent-dg');
    const forDg = ev('complaint.created', 'r2', 'u-agent', { ...samplePayloads['complaint.created'], number: 'DG-r2' }, 'dg');
    const transfer = ev('complaint.transferred', 'r1', 'u-agent');
    const plan = decidePush(empty(), hub, prepare(rows(c, note, stranger, forDg, transfer)), RECEIVED);
    expect(verdicts(plan)).toEqual([
      [c.id, 'accepted'],
      [note.id, 'accepted'],
      [stranger.id, 'actor_mismatch'],
      [forDg.id, 'out_of_scope'],
      [transfer.id, 'role_not_allowed'],
    ]);
    expect(plan.fresh.map((d) => d.pushedBy ?? null)).toEqual(['u-agent', 'u-officer', null, 'u-agent', 'u-agent']);
    expect(plan.relayedBy).toBe('u-hub');
  });

  it("refuses an event on a complaint now in another branch, whoever the actor", () => {
    const c = created('r3');
    const state = stateWith(c);
    state.complaints.set('r3', { ...(state.complaints.get('r3') as { branchId: string; projectionText: string; mark: string }), branchId: 'dg' });
    const plan = decidePush(state, hub, prepare(rows(ev('note.added', 'r3', 'u-officer'))), RECEIVED);
    expect(verdicts(plan).map(([, v]) => v)).toEqual(['out_of_scope']);
  });
});
