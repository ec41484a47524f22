import type { EventEnvelope, RejectReason } from '../../shared/events/envelope';
import { validateEvent } from '../../shared/events/validate';
import { apply, fold, type FoldContext } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { parseHlc } from '../../shared/hlc/hlc';
import { canWrite, inScope } from '../../shared/rules/permissions';
import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import { LOCKS, type Db, type Sql, type Statement, type Tx } from '../db/db';
import { lockComplaints, lockComplaintsStatement, upsertProjectionsStatement } from '../complaints/projection-rows';
import { textArray } from '../db/text-params';
import { foldFromEvents } from '../complaints/refold';
import type { FoldSettings, SettingsStore } from '../reference/settings-store';
import { documentJson } from './feed';
import { REJECT } from './reasons';
import { canonicalJson, cleanText, depthOf, isStorableText, MAX_DEPTH, MAX_STORABLE_ID, shallowCopy, type PushRow } from './wire';

/** Who is writing: a signed-in user, or the server itself (breach escalations). */
export type Writer = { kind: 'user'; user: AuthUser } | { kind: 'system'; id: string };

export interface AcceptResult {
  /** Conflicts and this request's rejected events, as JSON documents with server fields. */
  returned: string[];
  accepted: number;
  rejected: number;
  /** Already stored with the same content: nothing new. */
  unchanged: number;
  /** Highest feed sequence written, when anything was. */
  maxSeq: number | null;
}

interface Incoming {
  id: string;
  doc: Record<string, unknown>;
  /** Canonical JSON of what is stored (the whole document, or a shallow copy when too deep). */
  stored: string;
  /** The checks that depend on the document alone (depth, schema, HLC), made once before any database work. */
  checked: { ok: true; event: EventEnvelope } | { ok: false; reason: RejectReason; event: EventEnvelope | null };
}

interface Decided {
  incoming: Incoming;
  event: EventEnvelope | null;
  complaintId: string | null;
  reason: RejectReason | null;
}

interface ComplaintState {
  branchId: string;
  projectionText: string;
  /** The row version read (its xmin): unchanged means no other writer touched the complaint since. */
  mark: string;
}

/** What a push is decided against: the stored state of its ids and complaints. */
interface State {
  settings: FoldSettings;
  existing: Map<string, StoredRow>;
  complaints: Map<string, ComplaintState>;
}

function safeKey(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_STORABLE_ID && isStorableText(v) ? v : null;
}

function prepare(rows: PushRow[]): Incoming[] {
  return rows.map(({ id, doc }) => {
    if (depthOf(doc) > MAX_DEPTH) return { id, doc, stored: canonicalJson(shallowCopy(doc)), checked: { ok: false, reason: REJECT.tooDeep(), event: null } };
    return { id, doc, stored: canonicalJson(doc), checked: precheck(doc) };
  });
}

function precheck(doc: Record<string, unknown>): Incoming['checked'] {
  const checked = validateEvent(doc);
  if (!checked.ok) return { ok: false, reason: checked.reason, event: null };
  if (!hlcReadable(checked.event.hlc)) {
    return { ok: false, reason: { code: 'schema', message: 'Invalid event: hlc names an impossible date' }, event: checked.event };
  }
  return checked;
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
 * The one path by which events enter the store, for pushes and for the
 * server's own breach escalations. Each event is checked (schema, role,
 * author, branch scope, the complaint's state through the shared fold),
 * stored accepted or rejected with its reason, and given a feed sequence
 * under a transaction lock taken last (so commit order is sequence order);
 * every touched complaint is folded once and its projection row updated, all
 * in one transaction.
 *
 * On PostgreSQL the checking and folding run before the transaction, on the
 * state read without locks (one pipelined round trip); the transaction is
 * then sent whole, in one round trip: the complaints' locks, a guard that
 * fails it unless that state is still current (row versions, ids, reference
 * version), the writes and the COMMIT, so it never waits open on this
 * process. When another writer got there first, the push is decided again
 * under the locks. PGlite runs one transaction at a time and decides inside it.
 */
export async function acceptEvents(
  db: Db,
  settings: SettingsStore,
  writer: Writer,
  rows: PushRow[],
  now: Date = new Date(),
): Promise<AcceptResult> {
  const incoming = prepare(rows);
  const receivedAt = now.toISOString();
  const ids = [...new Set(incoming.map((i) => i.id))];
  const complaintIds = [...new Set(incoming.map((i) => safeKey(i.doc.complaintId)).filter((c): c is string => c !== null))];
  for (let attempt = 1; ; attempt++) {
    try {
      if (db.storage !== 'postgres') {
        return await db.transaction(async (tx) => {
          const plan = decidePush(await loadState(tx, settings, ids, complaintIds), writer, incoming, receivedAt);
          return write(db, tx, plan);
        });
      }
      const seen = await db.pinned((sql) => loadState(sql, settings, ids, complaintIds));
      const optimistic = decidePush(seen, writer, incoming, receivedAt);
      // Stored events never change, so an answer with nothing new to store needs no transaction.
      if (!optimistic.fresh.length) return settle(optimistic, []);
      try {
        return await db.transaction(async (tx) => {
          const guard = [lockComplaintsStatement(db, complaintIds), guardStatement(seen, ids, complaintIds)];
          return settle(optimistic, await tx.finish([...guard.filter((g) => g !== null), ...writeStatements(db, optimistic)]));
        });
      } catch (err) {
        if (!isStale(err)) throw err;
      }
      return await db.transaction(async (tx) => {
        await lockComplaints(db, tx, complaintIds);
        return write(db, tx, decidePush(await loadState(tx, settings, ids, complaintIds), writer, incoming, receivedAt));
      });
    } catch (err) {
      // A concurrent push stored one of these ids between our check and our insert: look again.
      if (attempt < 4 && isRetryable(err)) continue;
      throw err;
    }
  }
}

/** Raised by the guard (migration 5) when another writer changed what a push was decided against. */
function isStale(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'HD001';
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '40P01' || code === '40001' || code === '23505';
}

/** The stored state a push is decided against: reference settings, already stored ids, touched complaints. */
async function loadState(sql: Sql, settingsStore: SettingsStore, ids: string[], complaintIds: string[]): Promise<State> {
  const [settings, storedRows, complaintRows] = await Promise.all([
    settingsStore.current(sql),
    sql.query<StoredRow>(
      `select e.id, (select o.fseq from feed o where o.event_id = e.id and o.origin) as seq, e.complaint_id, e.status,
              e.reason_code, e.reason_message, e.pushed_by, e.received_at, e.doc
         from events e where e.id = any($1::text[])`,
      [ids],
    ),
    complaintIds.length
      ? sql.query<{ id: string; branch_id: string; projection: string; folded_revision: unknown; mark: string }>(
          'select id, branch_id, projection, folded_revision, xmin::text as mark from complaints where id = any($1::text[])',
          [complaintIds],
        )
      : Promise.resolve([]),
  ]);
  const existing = new Map(storedRows.map((r) => [r.id, r]));
  const complaints = new Map<string, ComplaintState>();
  const stale: string[] = [];
  for (const r of complaintRows) {
    complaints.set(r.id, { branchId: r.branch_id, projectionText: r.projection, mark: r.mark });
    if (r.folded_revision === null || Number(r.folded_revision) !== settings.policy.revision) stale.push(r.id);
  }
  // Folded with another policy: start from a fresh fold, so the result is what a client with this policy folds.
  if (stale.length) {
    for (const [id, p] of await foldFromEvents(sql, stale, { policy: settings.policy, calendar: settings.calendar })) {
      const state = complaints.get(id);
      if (state) state.projectionText = JSON.stringify(p);
    }
  }
  return { settings, existing, complaints };
}

/**
 * Fails the transaction unless what a push was decided against still holds:
 * no new ids stored (events are never deleted, so an equal count is the same
 * set), every touched complaint row the same version (absent ones still
 * absent), the same reference data. Sent right after the complaints' locks,
 * ahead of the writes, in the same pipeline.
 */
function guardStatement(seen: State, ids: string[], complaintIds: string[]): Statement {
  const marks: Record<string, string> = {};
  for (const [id, state] of seen.complaints) marks[id] = state.mark;
  return {
    text: `select push_state_holds(
             (select value from counters where name = 'reference') = $1
             and (select count(*) from events where id = any($2::text[])) = $3
             and (select coalesce(jsonb_object_agg(id, xmin::text), '{}') from complaints where id = any($4::text[])) = $5::jsonb)`,
    params: [seen.settings.version, ids, seen.existing.size, complaintIds, JSON.stringify(marks)],
  };
}

interface FeedRow {
  event_id: string;
  branch_id: string | null;
  accepted: boolean;
  origin: boolean;
  n: number;
}

/** Everything a push writes, decided before any of it is written. */
interface Plan {
  writerId: string;
  receivedAt: string;
  revision: number;
  returned: string[];
  unchanged: number;
  fresh: Decided[];
  projections: ComplaintProjection[];
  feed: FeedRow[];
}

function decidePush(state: State, writer: Writer, incoming: Incoming[], receivedAt: string): Plan {
  const ctx: FoldContext = { policy: state.settings.policy, calendar: state.settings.calendar };
  const { existing, complaints } = state;
  const returned: string[] = [];
  let unchangedCount = 0;
  const fresh: Decided[] = [];
  const firstInBatch = new Map<string, Incoming>();
  const createdInBatch = new Map<string, string>();

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
    const decided = decide(inc, writer, complaints, createdInBatch, state.settings.branches, {
      nowMs: Date.parse(receivedAt),
      maxSkewMs: state.settings.policy.sync.hlcMaxSkewMs,
    });
    if (decided.event?.type === 'complaint.created' && decided.reason === null && !createdInBatch.has(decided.event.complaintId)) {
      createdInBatch.set(decided.event.complaintId, decided.event.branchId);
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
  const add = (eventId: string, branchId: string | null, accepted: boolean, origin: boolean) =>
    feed.push({ event_id: eventId, branch_id: branchId, accepted, origin, n: feed.length });
  for (const [, f] of folded) {
    const pre = f.before?.branchId ?? null;
    const post = f.after.branchId;
    if (f.before && pre !== post) {
      for (const e of f.before.events) add(e.id, post, true, false);
    }
  }
  for (const d of fresh) {
    const f = d.reason === null && d.complaintId ? folded.get(d.complaintId) : undefined;
    add(d.incoming.id, f ? f.after.branchId : null, d.reason === null, true);
    const pre = f?.before?.branchId;
    if (f && pre && pre !== f.after.branchId) add(d.incoming.id, pre, true, false);
  }

  return {
    writerId: writer.kind === 'user' ? writer.user.id : writer.id,
    receivedAt,
    revision: state.settings.policy.revision,
    returned,
    unchanged: unchangedCount,
    fresh,
    projections: [...folded.values()].map((f) => f.after),
    feed,
  };
}

/**
 * The statements that write a decided push: events and projections, then,
 * as the transaction's last statements, the sequence lock and the feed rows.
 * Sent together with the COMMIT (`Tx.finish`), the lock is held from that
 * statement to the end of the commit (PostgreSQL releases transaction locks
 * only once the commit is visible), so a transaction with higher sequence
 * numbers always commits after every one with lower numbers. The feed insert
 * must stay last: its rows are what `settle` reads.
 */
function writeStatements(db: Db, plan: Plan): Statement[] {
  const { fresh } = plan;
  if (!fresh.length) return [];
  const statements: Statement[] = [
    {
      // No ON CONFLICT: an id stored meanwhile by a push on another complaint is a unique violation, and the push is decided again.
      text: `insert into events (id, complaint_id, type, status, reason_code, reason_message, pushed_by, received_at, doc)
             select r.id, r.complaint_id, r.type, r.status, r.reason_code, r.reason_message, $2, $3, (${textArray(4, fresh.length)})[r.n]
               from json_to_recordset($1::json) as r(n int, id text, complaint_id text, type text, status text,
                    reason_code text, reason_message text)`,
      params: [
        JSON.stringify(
          fresh.map((d, i) => ({
            n: i + 1,
            id: d.incoming.id,
            complaint_id: d.complaintId,
            type: d.event ? d.event.type : safeKey(d.incoming.doc.type),
            status: d.reason ? 'rejected' : 'accepted',
            reason_code: d.reason ? cleanText(d.reason.code, 64) : null,
            reason_message: d.reason ? cleanText(d.reason.message, 500) : null,
          })),
        ),
        plan.writerId,
        plan.receivedAt,
        ...fresh.map((d) => d.incoming.stored),
      ],
    },
  ];
  if (plan.projections.length) statements.push(upsertProjectionsStatement(plan.projections, plan.revision));
  if (db.storage === 'postgres') {
    statements.push({ text: 'select pg_advisory_xact_lock($1, $2)', params: [db.lockNamespace, LOCKS.sequence] });
  }
  statements.push({
    text: `insert into feed (fseq, event_id, branch_id, pushed_by, accepted, origin)
           select nextval('feed_seq'), r.event_id, r.branch_id, $2, r.accepted, r.origin
             from json_to_recordset($1::json) as r(event_id text, branch_id text, accepted boolean, origin boolean, n int)
            order by r.n
           returning fseq as s, event_id, origin`,
    params: [JSON.stringify(plan.feed), plan.writerId],
  });
  return statements;
}

/** Writes a decided push in the open transaction and commits it. */
async function write(db: Db, tx: Tx, plan: Plan): Promise<AcceptResult> {
  const statements = writeStatements(db, plan);
  return settle(plan, statements.length ? await tx.finish(statements) : []);
}

/** The answer to a push, from its plan and the feed rows written for it. */
function settle(plan: Plan, seqRows: { s: unknown; event_id: string; origin: boolean }[]): AcceptResult {
  const { fresh, returned, receivedAt } = plan;
  if (!fresh.length) return { returned, accepted: 0, rejected: 0, unchanged: plan.unchanged, maxSeq: null };
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
    unchanged: plan.unchanged,
    maxSeq,
  };
}

interface StoredRow {
  id: string;
  seq: unknown;
  complaint_id: string | null;
  status: 'accepted' | 'rejected';
  reason_code: string | null;
  reason_message: string | null;
  pushed_by: string;
  received_at: string;
  doc: string;
}

/**
 * The stored event, returned as the master state, when the writer may see
 * it; otherwise a refusal that names no one else's data.
 */
function conflictDocument(stored: StoredRow, inc: Incoming, writer: Writer, complaints: Map<string, ComplaintState>): string {
  const reason = stored.reason_code ? { code: stored.reason_code, message: stored.reason_message ?? '' } : null;
  const full = documentJson(stored.doc, Number(stored.seq), stored.received_at, stored.status, reason);
  if (writer.kind === 'system') return full;
  const user = writer.user;
  if (stored.pushed_by === user.id || user.role === 'admin') return full;
  if (stored.status === 'accepted') {
    if (seesAllBranches(user.role)) return full;
    const branch = stored.complaint_id ? complaints.get(stored.complaint_id)?.branchId : undefined;
    if (branch !== undefined && branch === user.branchId) return full;
  }
  return pendingConflict(inc);
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
  complaints: Map<string, ComplaintState>,
  createdInBatch: Map<string, string>,
  branches: ReadonlySet<string>,
  clock: { nowMs: number; maxSkewMs: number },
): Decided {
  const complaintId = safeKey(inc.doc.complaintId);
  const reject = (reason: RejectReason, event: EventEnvelope | null = null): Decided => ({
    incoming: inc,
    event,
    complaintId,
    reason,
  });
  const checked = inc.checked;
  if (!checked.ok) return reject(checked.reason, checked.event);
  const event = checked.event;
  // Past stamps are legal (offline work); one further ahead than the bound would outrank every later event.
  const ahead = parseHlc(event.hlc).wallMs - clock.nowMs;
  if (ahead > clock.maxSkewMs) return reject(REJECT.clockAhead(ahead, clock.maxSkewMs), event);

  const existingBranch = complaints.get(event.complaintId)?.branchId ?? createdInBatch.get(event.complaintId);
  if (writer.kind === 'user') {
    const user = writer.user;
    if (!canWrite(user.role, event.type)) return reject(REJECT.roleNotAllowed(user.role, event.type), event);
    if (event.actorId !== user.id) return reject(REJECT.actorMismatch(), event);
    const scoped = { role: user.role, branchId: user.branchId ?? '' };
    if (!seesAllBranches(user.role) && event.branchId !== user.branchId) return reject(REJECT.outOfScope(), event);
    if (existingBranch !== undefined && !inScope(scoped, existingBranch)) return reject(REJECT.outOfScope(), event);
  }
  if (existingBranch === undefined) {
    if (event.type !== 'complaint.created') return reject(REJECT.unknownComplaint(), event);
    if (!branches.has(event.branchId)) return reject(REJECT.unknownBranch(), event);
  }
  if (event.type === 'complaint.transferred') {
    const to = (event.payload as { toBranchId?: unknown }).toBranchId;
    if (typeof to !== 'string' || !branches.has(to)) return reject(REJECT.unknownBranch(), event);
  }
  return { incoming: inc, event, complaintId: event.complaintId, reason: null };
}

/**
 * Folds the candidates into the complaint. An event the fold marks invalid
 * (illegal for the state) is rejected and the rest folded again without it;
 * events superseded by concurrency stay: they are history every replica folds.
 */
function foldCandidates(
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
