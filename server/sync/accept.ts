import type { EventEnvelope, RejectReason } from '../../shared/events/envelope';
import { validateEvent } from '../../shared/events/validate';
import { apply, type FoldContext } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { parseHlc } from '../../shared/hlc/hlc';
import { canWrite, inScope } from '../../shared/rules/permissions';
import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import { LOCKS, type Db, type Sql } from '../db/db';
import { lockComplaints, upsertProjections } from '../complaints/projection-rows';
import { foldFromEvents } from '../complaints/refold';
import type { SettingsStore } from '../reference/settings-store';
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
  tooDeep: boolean;
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
}

class InsertRaceError extends Error {}

function safeKey(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_STORABLE_ID && isStorableText(v) ? v : null;
}

function prepare(rows: PushRow[]): Incoming[] {
  return rows.map(({ id, doc }) => {
    const tooDeep = depthOf(doc) > MAX_DEPTH;
    return { id, doc, tooDeep, stored: canonicalJson(tooDeep ? shallowCopy(doc) : doc) };
  });
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
 * server's own breach escalations. In one transaction: each event is checked
 * (schema, role, author, branch scope, the complaint's state through the
 * shared fold), stored accepted or rejected with its reason, given a feed
 * sequence under a transaction lock (so commit order is sequence order), and
 * every touched complaint is folded once and its projection row updated.
 */
export async function acceptEvents(
  db: Db,
  settings: SettingsStore,
  writer: Writer,
  rows: PushRow[],
  now: Date = new Date(),
): Promise<AcceptResult> {
  const incoming = prepare(rows);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => acceptInTransaction(db, tx, settings, writer, incoming, now));
    } catch (err) {
      // A concurrent push stored one of these ids between our check and our insert: look again.
      if (attempt < 4 && (err instanceof InsertRaceError || isRetryable(err))) continue;
      throw err;
    }
  }
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '40P01' || code === '40001' || code === '23505';
}

async function acceptInTransaction(
  db: Db,
  tx: Sql,
  settings: SettingsStore,
  writer: Writer,
  incoming: Incoming[],
  now: Date,
): Promise<AcceptResult> {
  const receivedAt = now.toISOString();
  const writerId = writer.kind === 'user' ? writer.user.id : writer.id;
  const complaintIds = [...new Set(incoming.map((i) => safeKey(i.doc.complaintId)).filter((c): c is string => c !== null))];

  // Pushes touching the same complaint take turns, so each folds on the other's result.
  await lockComplaints(db, tx, complaintIds);

  const current = await settings.current(tx);
  const ctx: FoldContext = { policy: current.policy, calendar: current.calendar };
  const branches = current.branches;

  // Ids already stored: unchanged repeats are skipped, changed ones are conflicts.
  const existing = new Map<string, StoredRow>();
  for (const r of await tx.query<StoredRow>(
    `select e.id, (select o.fseq from feed o where o.event_id = e.id and o.origin) as seq, e.complaint_id, e.status,
            e.reason_code, e.reason_message, e.pushed_by, e.received_at, e.doc
       from events e where e.id = any($1::text[])`,
    [[...new Set(incoming.map((i) => i.id))]],
  )) {
    existing.set(r.id, r);
  }

  const complaints = new Map<string, ComplaintState>();
  if (complaintIds.length) {
    const stale: string[] = [];
    for (const r of await tx.query<{ id: string; branch_id: string; projection: string; folded_revision: unknown }>(
      'select id, branch_id, projection, folded_revision from complaints where id = any($1::text[])',
      [complaintIds],
    )) {
      complaints.set(r.id, { branchId: r.branch_id, projectionText: r.projection });
      if (r.folded_revision === null || Number(r.folded_revision) !== current.policy.revision) stale.push(r.id);
    }
    // Folded with another policy: start from a fresh fold, so the result is what a client with this policy folds.
    for (const [id, p] of await foldFromEvents(tx, stale, ctx)) {
      const state = complaints.get(id);
      if (state) state.projectionText = JSON.stringify(p);
    }
  }

  const returned: string[] = [];
  let unchanged = 0;
  const fresh: Decided[] = [];
  const firstInBatch = new Map<string, Incoming>();
  const createdInBatch = new Map<string, string>();

  for (const inc of incoming) {
    const stored = existing.get(inc.id);
    if (stored) {
      if (stored.doc === inc.stored) unchanged++;
      else returned.push(conflictDocument(stored, inc, writer, complaints));
      continue;
    }
    const earlier = firstInBatch.get(inc.id);
    if (earlier) {
      // The same id twice in one request: the first copy is the one stored.
      if (earlier.stored === inc.stored) unchanged++;
      else returned.push(pendingConflict(inc));
      continue;
    }
    firstInBatch.set(inc.id, inc);
    const decided = decide(inc, writer, complaints, createdInBatch, branches);
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
    const state = complaints.get(complaintId);
    const result = foldCandidates(state?.projectionText ?? null, list, ctx);
    if (result.after && result.applied > 0) folded.set(complaintId, { before: result.before, after: result.after });
  }

  const accepted = fresh.filter((d) => d.reason === null && d.event !== null);
  const rejected = fresh.filter((d) => d.reason !== null);
  if (!fresh.length) return { returned, accepted: 0, rejected: 0, unchanged, maxSeq: null };

  // Feed rows: history re-announced to a complaint's new branch first, then each new event.
  interface FeedRow {
    eventId: string;
    branchId: string | null;
    accepted: boolean;
    origin: boolean;
  }
  const feedRows: FeedRow[] = [];
  for (const [, f] of folded) {
    const pre = f.before?.branchId ?? null;
    const post = f.after.branchId;
    if (f.before && pre !== post) {
      for (const e of f.before.events) feedRows.push({ eventId: e.id, branchId: post, accepted: true, origin: false });
    }
  }
  for (const d of fresh) {
    const f = d.reason === null && d.complaintId ? folded.get(d.complaintId) : undefined;
    feedRows.push({ eventId: d.incoming.id, branchId: f ? f.after.branchId : null, accepted: d.reason === null, origin: true });
    const pre = f?.before?.branchId;
    if (f && pre && pre !== f.after.branchId) {
      feedRows.push({ eventId: d.incoming.id, branchId: pre, accepted: true, origin: false });
    }
  }

  // Events and projections first: they need no sequence number.
  const inserted = await tx.query<{ id: string }>(
    `insert into events (id, complaint_id, type, status, reason_code, reason_message, pushed_by, received_at, doc)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
     on conflict (id) do nothing returning id`,
    [
      fresh.map((d) => d.incoming.id),
      fresh.map((d) => d.complaintId),
      fresh.map((d) => (d.event ? d.event.type : safeKey(d.incoming.doc.type))),
      fresh.map((d) => (d.reason ? 'rejected' : 'accepted')),
      fresh.map((d) => (d.reason ? cleanText(d.reason.code, 64) : null)),
      fresh.map((d) => (d.reason ? cleanText(d.reason.message, 500) : null)),
      fresh.map(() => writerId),
      fresh.map(() => receivedAt),
      fresh.map((d) => d.incoming.stored),
    ],
  );
  if (inserted.length !== fresh.length) throw new InsertRaceError();

  if (folded.size) {
    await upsertProjections(tx, [...folded.values()].map((f) => f.after), current.policy.revision);
  }

  // Feed sequence numbers are taken under a transaction-scoped lock held to
  // COMMIT: a transaction that takes higher numbers commits after every
  // lower one. Only this last statement runs under it.
  if (db.storage === 'postgres') {
    await tx.query('select pg_advisory_xact_lock($1, $2)', [db.lockNamespace, LOCKS.sequence]);
  }
  const seqRows = await tx.query<{ s: unknown; event_id: string; origin: boolean }>(
    `insert into feed (fseq, event_id, branch_id, pushed_by, accepted, origin)
     select nextval('feed_seq'), r.event_id, r.branch_id, $4, r.accepted, r.origin
       from unnest($1::text[], $2::text[], $3::boolean[], $5::boolean[]) with ordinality
            as r(event_id, branch_id, accepted, origin, n)
      order by r.n
     returning fseq as s, event_id, origin`,
    [
      feedRows.map((r) => r.eventId),
      feedRows.map((r) => r.branchId),
      feedRows.map((r) => r.accepted),
      writerId,
      feedRows.map((r) => r.origin),
    ],
  );
  const originSeq = new Map(seqRows.filter((r) => r.origin).map((r) => [r.event_id, Number(r.s)]));
  const seqOf = (eventId: string) => originSeq.get(eventId) as number;
  const maxSeq = Math.max(...seqRows.map((r) => Number(r.s)));

  for (const d of rejected) {
    returned.push(documentJson(d.incoming.stored, seqOf(d.incoming.id), receivedAt, 'rejected', d.reason));
  }
  return {
    returned,
    accepted: accepted.length,
    rejected: rejected.length,
    unchanged,
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
): Decided {
  const complaintId = safeKey(inc.doc.complaintId);
  const reject = (reason: RejectReason, event: EventEnvelope | null = null): Decided => ({
    incoming: inc,
    event,
    complaintId,
    reason,
  });
  if (inc.tooDeep) return reject(REJECT.tooDeep());
  const checked = validateEvent(inc.doc);
  if (!checked.ok) return reject(checked.reason);
  const event = checked.event;

  if (!hlcReadable(event.hlc)) return reject({ code: 'schema', message: 'Invalid event: hlc names an impossible date' }, event);

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
    let p: ComplaintProjection | null = before;
    let failed: Decided | undefined;
    for (const d of remaining) {
      try {
        p = apply(p, d.event as EventEnvelope, ctx);
      } catch {
        failed = d;
        break;
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
