import type { EventEnvelope, RejectReason } from '../../shared/events/envelope';
import { validateEvent } from '../../shared/events/validate';
import { apply, fold, type FoldContext } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { parseHlc } from '../../shared/hlc/hlc';
import type { Policy } from '../../shared/policy/policy';
import { businessDateProblem } from '../../shared/rules/business-dates';
import { branchMarks, branchWhenWritten, type BranchMark } from '../../shared/rules/envelope-branch';
import { canWrite, inScope } from '../../shared/rules/permissions';
import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import type { FoldSettings } from '../reference/settings-store';
import { canonicalJson } from '../../shared/json/canonical-json';
import { REJECT } from './reasons';
import { eventDocJson, mayReadStoredEvent, type StoredEventRow } from './stored-event';
import { depthOf, documentJson, isStorableText, MAX_DEPTH, MAX_STORABLE_ID, shallowCopy, type PushRow } from './wire';

/**
 * The decision of a push, pure: no database, no clock, no I/O. The store
 * (`accept-store.ts`) loads a `DecisionState`, this module decides, and the
 * store writes the `Plan`; `acceptEvents` (`accept.ts`) runs the three in a
 * transaction. A branch hub and central re-deciding relayed events use the
 * same three calls:
 *
 *   const incoming = prepare(rows);                              // checks on the documents alone
 *   const plan = decidePush(state, writer, incoming, receivedAt); // every event decided and folded
 *   const answer = settle(plan, seqs);                          // after writing: the push answer
 *
 * `state` holds what the events are judged against: the settings (policy,
 * calendar, branches), the events already stored under the pushed ids, and
 * the touched complaints' branch and projection. Events are judged in push
 * order, each against the state left by the accepted events before it in
 * the same push (a transfer moves the complaint out of a branch-scoped
 * writer's reach for the rest of the push). Nothing here throws for bad input: every problem becomes a
 * rejected event with its reason.
 */

/**
 * Who is writing: a signed-in user, the server itself (breach escalations),
 * or a branch hub relaying its workstations' events, each judged as its
 * actor (one of `actors`, the users of the hub's branch) within the hub's branch.
 */
export type Writer =
  | { kind: 'user'; user: AuthUser }
  | { kind: 'system'; id: string }
  | { kind: 'relay'; hub: AuthUser; actors: ReadonlyMap<string, AuthUser> };

export interface AcceptResult {
  /** Conflicts and this request's rejected events, as JSON documents with server fields. */
  returned: string[];
  accepted: number;
  rejected: number;
  /** The reason code of each rejected event, for the rejection counters. */
  rejectedReasons: string[];
  /** Already stored with the same content: nothing new. */
  unchanged: number;
  /** Highest feed sequence written, when anything was. */
  maxSeq: number | null;
}

/** A pushed document with the checks that depend on it alone, made once before any database work. */
export interface Incoming {
  id: string;
  doc: Record<string, unknown>;
  /** Canonical JSON of what is stored (the whole document, or a shallow copy when too deep). */
  stored: string;
  checked: { ok: true; event: EventEnvelope } | { ok: false; reason: RejectReason; event: EventEnvelope | null };
}

/** One new event's verdict: `reason` null means accepted. */
export interface Decided {
  incoming: Incoming;
  event: EventEnvelope | null;
  complaintId: string | null;
  reason: RejectReason | null;
  /** Whose event it is when the writer is a relay (the actor); otherwise the writer. */
  pushedBy?: string;
}

export interface ComplaintState {
  branchId: string;
  /** The stored projection as JSON text (it carries its folded events). */
  projectionText: string;
  /** The row version read (its xmin): unchanged means no other writer touched the complaint since. */
  mark: string;
}

/** An event already stored under one of the pushed ids. */
export type StoredRow = StoredEventRow;

/** What a push is decided against: the stored state of its ids and complaints. */
export interface DecisionState {
  settings: FoldSettings;
  existing: Map<string, StoredRow>;
  complaints: Map<string, ComplaintState>;
}

export interface FeedRow {
  event_id: string;
  branch_id: string | null;
  accepted: boolean;
  origin: boolean;
  n: number;
  /** Null: the plan's writer. */
  pushed_by: string | null;
}

/** Everything a push writes, decided before any of it is written. */
export interface Plan {
  writerId: string;
  /** The hub that relayed these events (central), or null. */
  relayedBy: string | null;
  /** On a hub: accepted events wait to be relayed upstream. */
  relayUp?: boolean;
  receivedAt: string;
  revision: number;
  returned: string[];
  unchanged: number;
  fresh: Decided[];
  projections: ComplaintProjection[];
  feed: FeedRow[];
}

/** A complaint id or event type usable as a database key, or null. */
export function safeKey(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_STORABLE_ID && isStorableText(v) ? v : null;
}

/** The checks on each document alone (depth, schema, a readable HLC). */
export function prepare(rows: PushRow[]): Incoming[] {
  return rows.map(({ id, doc }) => {
    if (depthOf(doc) > MAX_DEPTH) return { id, doc, stored: canonicalJson(shallowCopy(doc)), checked: { ok: false, reason: REJECT.tooDeep(), event: null } };
    return { id, doc, stored: canonicalJson(doc), checked: precheck(doc) };
  });
}

export function precheck(doc: Record<string, unknown>): Incoming['checked'] {
  const checked = validateEvent(doc);
  if (!checked.ok) return { ok: false, reason: checked.reason, event: null };
  // The database cannot keep a NUL or half a surrogate pair in the complaint's
  // columns and projection: refused here, so one such event never fails its batch.
  if (!allTextStorable(checked.event)) return { ok: false, reason: REJECT.unstorableText(), event: null };
  if (!hlcReadable(checked.event.hlc)) {
    return { ok: false, reason: { code: 'schema', message: 'Invalid event: hlc names an impossible date' }, event: checked.event };
  }
  return checked;
}

/** Every key and string in the value is storable text (walked without recursion: the depth is already bounded). */
function allTextStorable(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isStorableText(v)) return false;
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        if (!isStorableText(k)) return false;
        stack.push(child);
      }
    }
  }
  return true;
}

function hlcReadable(hlc: string): boolean {
  try {
    parseHlc(hlc);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides every event of a push against `state` at `receivedAt` (the
 * server's clock, ISO): repeats and conflicts, each new event's verdict, the
 * touched complaints folded once with their accepted events, and the feed
 * rows (history re-announced to a complaint's new branch first).
 */
export function decidePush(state: DecisionState, writer: Writer, incoming: Incoming[], receivedAt: string): Plan {
  // A transfer moves the complaint for the events after it in the push; if the
  // fold then refuses that transfer, the push is decided again without the move.
  const refused = new Map<string, RejectReason>();
  for (;;) {
    const { plan, moves } = decideOnce(state, writer, incoming, receivedAt, refused);
    const undone = plan.fresh.filter((d) => d.reason !== null && moves.has(d.incoming.id));
    if (!undone.length) return plan;
    for (const d of undone) refused.set(d.incoming.id, d.reason as RejectReason);
  }
}

function decideOnce(
  state: DecisionState,
  writer: Writer,
  incoming: Incoming[],
  receivedAt: string,
  refused: ReadonlyMap<string, RejectReason>,
): { plan: Plan; moves: Set<string> } {
  const ctx: FoldContext = { policy: state.settings.policy, calendar: state.settings.calendar };
  const { existing, complaints } = state;
  const returned: string[] = [];
  let unchangedCount = 0;
  const fresh: Decided[] = [];
  const firstInBatch = new Map<string, Incoming>();
  // Each complaint's branch as left by the events decided so far in this push.
  const branchNow = new Map<string, string>();
  const branchOf = (complaintId: string) => branchNow.get(complaintId) ?? complaints.get(complaintId)?.branchId;
  // Transfers whose move the later events of this push were judged with.
  const moves = new Set<string>();
  // Where each complaint's branch was set: stored history (read only when an envelope names another branch) and this push.
  const storedMarks = new Map<string, BranchMark[]>();
  const pushMarks = new Map<string, BranchMark[]>();
  const branchWhen = (complaintId: string, hlc: string): string | null => {
    let stored = storedMarks.get(complaintId);
    if (!stored) {
      const text = complaints.get(complaintId)?.projectionText;
      stored = text ? branchMarks(JSON.parse(text) as ComplaintProjection) : [];
      storedMarks.set(complaintId, stored);
    }
    return branchWhenWritten([...stored, ...(pushMarks.get(complaintId) ?? [])], hlc);
  };
  const mark = (complaintId: string, m: BranchMark) => pushMarks.set(complaintId, [...(pushMarks.get(complaintId) ?? []), m]);

  for (const inc of incoming) {
    const stored = existing.get(inc.id);
    if (stored) {
      if (stored.doc === inc.stored) unchangedCount++;
      else returned.push(conflictDocument(stored, inc, writer, complaints));
      continue;
    }
    const earlier = firstInBatch.get(inc.id);
    if (earlier) {
      // The same id twice in one request: the first copy is the one stored.
      if (earlier.stored === inc.stored) unchangedCount++;
      else returned.push(pendingConflict(inc));
      continue;
    }
    firstInBatch.set(inc.id, inc);
    const decided = decide(inc, writer, branchOf, branchWhen, state.settings.branches, {
      nowMs: Date.parse(receivedAt),
      policy: state.settings.policy,
    });
    const refusal = refused.get(inc.id);
    if (decided.reason === null && refusal) decided.reason = refusal;
    const event = decided.event;
    if (event && decided.reason === null) {
      if (event.type === 'complaint.created' && branchOf(event.complaintId) === undefined) {
        branchNow.set(event.complaintId, event.branchId);
        mark(event.complaintId, { hlc: event.hlc, branchId: event.branchId });
      } else if (event.type === 'complaint.transferred') {
        const to = (event.payload as { toBranchId: string }).toBranchId;
        branchNow.set(event.complaintId, to);
        mark(event.complaintId, { hlc: event.hlc, branchId: to });
        moves.add(inc.id);
      }
    }
    fresh.push(decided);
  }

  // Fold each touched complaint once with all of this request's events for it.
  const byComplaint = new Map<string, Decided[]>();
  for (const d of fresh) {
    if (d.reason || !d.event) continue;
    const list = byComplaint.get(d.event.complaintId) ?? [];
    list.push(d);
    byComplaint.set(d.event.complaintId, list);
  }
  const folded = new Map<string, { before: ComplaintProjection | null; after: ComplaintProjection }>();
  for (const [complaintId, list] of byComplaint) {
    const result = foldCandidates(complaints.get(complaintId)?.projectionText ?? null, list, ctx);
    if (result.after && result.applied > 0) folded.set(complaintId, { before: result.before, after: result.after });
  }

  // Feed rows: history re-announced to a complaint's new branch first, then each new event.
  const feed: FeedRow[] = [];
  const authorOf = new Map(fresh.filter((d) => d.pushedBy !== undefined).map((d) => [d.incoming.id, d.pushedBy as string]));
  const add = (eventId: string, branchId: string | null, accepted: boolean, origin: boolean) =>
    feed.push({ event_id: eventId, branch_id: branchId, accepted, origin, n: feed.length, pushed_by: authorOf.get(eventId) ?? null });
  for (const [, f] of folded) {
    const pre = f.before?.branchId ?? null;
    const post = f.after.branchId;
    if (f.before && pre !== post) {
      for (const e of f.before.events) add(e.id, post, true, false);
    }
  }
  // A complaint created by this request was in its creator's branch before any transfer in it: that branch keeps the
  // events, as it would had they come in two requests (the author's own pull would otherwise never show them).
  const bornIn = new Map<string, string>();
  for (const d of fresh) if (d.reason === null && d.event?.type === 'complaint.created') bornIn.set(d.event.complaintId, d.event.branchId);
  for (const d of fresh) {
    const f = d.reason === null && d.complaintId ? folded.get(d.complaintId) : undefined;
    add(d.incoming.id, f ? f.after.branchId : null, d.reason === null, true);
    const pre = f ? (f.before ? f.before.branchId : bornIn.get(f.after.id)) : undefined;
    if (f && pre && pre !== f.after.branchId) add(d.incoming.id, pre, true, false);
  }

  const plan: Plan = {
    writerId: writer.kind === 'user' ? writer.user.id : writer.kind === 'relay' ? writer.hub.id : writer.id,
    relayedBy: writer.kind === 'relay' ? writer.hub.id : null,
    receivedAt,
    revision: state.settings.policy.revision,
    returned,
    unchanged: unchangedCount,
    fresh,
    projections: [...folded.values()].map((f) => f.after),
    feed,
  };
  return { plan, moves };
}

/** The answer to a push, from its plan and the feed rows its store wrote (sequence numbers). */
export function settle(plan: Plan, seqRows: { s: unknown; event_id: string; origin: boolean }[]): AcceptResult {
  const { fresh, returned, receivedAt } = plan;
  if (!fresh.length) return { returned, accepted: 0, rejected: 0, rejectedReasons: [], unchanged: plan.unchanged, maxSeq: null };
  const originSeq = new Map(seqRows.filter((r) => r.origin).map((r) => [r.event_id, Number(r.s)]));
  const maxSeq = Math.max(...seqRows.map((r) => Number(r.s)));
  const rejected = fresh.filter((d) => d.reason !== null);
  for (const d of rejected) {
    returned.push(documentJson(d.incoming.stored, originSeq.get(d.incoming.id) as number, receivedAt, 'rejected', d.reason));
  }
  return {
    returned,
    accepted: fresh.length - rejected.length,
    rejected: rejected.length,
    rejectedReasons: rejected.map((d) => d.reason?.code ?? 'unknown'),
    unchanged: plan.unchanged,
    maxSeq,
  };
}

/**
 * The stored event, returned as the master state, when the writer may see
 * it; otherwise a refusal that names no one else's data.
 */
function conflictDocument(stored: StoredRow, inc: Incoming, writer: Writer, complaints: Map<string, ComplaintState>): string {
  const full = eventDocJson(stored);
  if (writer.kind === 'system') return full;
  const branch = stored.complaint_id ? complaints.get(stored.complaint_id)?.branchId : undefined;
  if (writer.kind === 'relay') {
    return stored.status === 'accepted' && branch !== undefined && branch === writer.hub.branchId ? full : pendingConflict(inc);
  }
  return mayReadStoredEvent(writer.user, stored, branch) ? full : pendingConflict(inc);
}

/** The pushed document marked refused (not stored): for an id the writer cannot have. */
function pendingConflict(inc: Incoming): string {
  const reason = REJECT.duplicateId();
  const body = inc.stored;
  const extra = `"status":"rejected","reason":${JSON.stringify(reason)}`;
  return body === '{}' ? `{${extra}}` : `${body.slice(0, -1)},${extra}}`;
}

function decide(
  inc: Incoming,
  writer: Writer,
  branchOf: (complaintId: string) => string | undefined,
  branchWhen: (complaintId: string, hlc: string) => string | null,
  branches: ReadonlySet<string>,
  clock: { nowMs: number; policy: Policy },
): Decided {
  const complaintId = safeKey(inc.doc.complaintId);
  // A relayed event is its actor's (who then sees a rejection of it), when the actor is a user of the hub's branch.
  const actor = writer.kind === 'relay' && typeof inc.doc.actorId === 'string' ? writer.actors.get(inc.doc.actorId) : undefined;
  const by = actor ? { pushedBy: actor.id } : {};
  const reject = (reason: RejectReason, event: EventEnvelope | null = null): Decided => ({
    incoming: inc,
    event,
    complaintId,
    reason,
    ...by,
  });
  const checked = inc.checked;
  if (!checked.ok) return reject(checked.reason, checked.event);
  const event = checked.event;
  // Past stamps are legal (offline work); one further ahead than the bound would outrank every later event.
  const ahead = parseHlc(event.hlc).wallMs - clock.nowMs;
  const maxSkewMs = clock.policy.sync.hlcMaxSkewMs;
  if (ahead > maxSkewMs) return reject(REJECT.clockAhead(ahead, maxSkewMs), event);
  // A receipt in year 0 or 9999 would count deadlines and retention from nonsense.
  const dateProblem = businessDateProblem(event, clock.policy, clock.nowMs);
  if (dateProblem) return reject(dateProblem, event);

  const existingBranch = branchOf(event.complaintId);
  if (writer.kind === 'relay') {
    // A hub writes for its own branch only, and each event only as a user of that branch could have written it directly.
    if (!actor) return reject(REJECT.actorNotInBranch(), event);
    const hubBranch = writer.hub.branchId;
    if (event.branchId !== hubBranch || (existingBranch !== undefined && existingBranch !== hubBranch)) {
      return reject(REJECT.outOfScope(), event);
    }
  }
  const user = writer.kind === 'user' ? writer.user : actor;
  if (user) {
    if (!canWrite(user.role, event.type)) return reject(REJECT.roleNotAllowed(user.role, event.type), event);
    if (event.actorId !== user.id) return reject(REJECT.actorMismatch(), event);
    const scoped = { role: user.role, branchId: user.branchId ?? '' };
    if (!seesAllBranches(user.role) && event.branchId !== user.branchId) return reject(REJECT.outOfScope(), event);
    if (existingBranch !== undefined && !inScope(scoped, existingBranch)) return reject(REJECT.outOfScope(), event);
  }
  if (existingBranch !== undefined && event.branchId !== existingBranch) {
    // Only a writer who sees every branch gets here with another branch: the envelope must name the complaint's own.
    const when = branchWhen(event.complaintId, event.hlc) ?? existingBranch;
    if (event.branchId !== when) return reject(REJECT.branchMismatch(event.branchId, when), event);
  }
  if (existingBranch === undefined) {
    if (event.type !== 'complaint.created') return reject(REJECT.unknownComplaint(), event);
    if (!branches.has(event.branchId)) return reject(REJECT.unknownBranch(), event);
  }
  if (event.type === 'complaint.transferred') {
    const to = (event.payload as { toBranchId?: unknown }).toBranchId;
    if (typeof to !== 'string' || !branches.has(to)) return reject(REJECT.unknownBranch(), event);
  }
  return { incoming: inc, event, complaintId: event.complaintId, reason: null, ...by };
}

/**
 * Folds the candidates into the complaint. An event the fold marks invalid
 * (illegal for the state) is rejected and the rest folded again without it;
 * events superseded by concurrency stay: they are history every replica folds.
 */
export function foldCandidates(
  projectionText: string | null,
  list: Decided[],
  ctx: FoldContext,
): { before: ComplaintProjection | null; after: ComplaintProjection | null; applied: number } {
  const before = projectionText === null ? null : (JSON.parse(projectionText) as ComplaintProjection);
  let remaining = list;
  for (;;) {
    let p: ComplaintProjection | null | undefined;
    let failed: Decided | undefined;
    if (before === null) {
      // A new complaint: one fold of its events (the shared contract: equal to
      // applying them one by one) derives its deadlines once, not per event.
      try {
        p = fold(remaining.map((d) => d.event as EventEnvelope), ctx);
      } catch {
        p = undefined;
      }
    }
    if (p === undefined) {
      // Event by event, which also finds the one the fold cannot take.
      p = before;
      for (const d of remaining) {
        try {
          p = apply(p, d.event as EventEnvelope, ctx);
        } catch {
          failed = d;
          break;
        }
      }
    }
    if (failed) {
      failed.reason = REJECT.illegalState('the event could not be applied to the complaint');
      remaining = remaining.filter((d) => d !== failed);
      continue;
    }
    const states = new Map((p?.timeline ?? []).map((t) => [t.eventId, t]));
    const invalid = remaining.filter((d) => {
      const entry = states.get(d.incoming.id);
      return !entry || entry.state === 'invalid';
    });
    if (!invalid.length) return { before, after: p, applied: remaining.length };
    for (const d of invalid) d.reason = REJECT.illegalState(states.get(d.incoming.id)?.why);
    remaining = remaining.filter((d) => !invalid.includes(d));
  }
}
