import { LOCKS, type Db, type Sql, type Statement } from '../db/db';

/** A stored event of one complaint, as erasure reads it. */
export interface HistoryRow {
  id: string;
  status: 'accepted' | 'rejected';
  doc: string;
}

/** Every stored event of a complaint, accepted and rejected. */
export function historyOf(tx: Sql, complaintId: string): Promise<HistoryRow[]> {
  return tx.query<HistoryRow>('select id, status, doc from events where complaint_id = $1', [complaintId]);
}

/** Accepted redactions not yet applied to the stored events, oldest complaint first. */
export async function pendingRedactions(db: Sql, limit: number): Promise<{ id: string; complaintId: string }[]> {
  const rows = await db.query<{ id: string; complaint_id: string }>(
    `select e.id, e.complaint_id from events e
      where e.type = 'complaint.redacted' and e.status = 'accepted'
        and not exists (select 1 from erasures x where x.redaction_id = e.id)
      order by e.complaint_id limit $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, complaintId: r.complaint_id }));
}

/** Replaces stored documents (canonical JSON) in one statement. */
export function rewriteEventsStatement(changed: readonly { id: string; doc: string }[]): Statement {
  return {
    text: `update events e set doc = r.doc from json_to_recordset($1::json) as r(id text, doc text) where e.id = r.id`,
    params: [JSON.stringify(changed)],
  };
}

/** Marks redactions as applied (idempotent: another process may have applied them too). */
export function recordErasuresStatement(redactionIds: readonly string[], complaintId: string, scrubbed: number, at: string): Statement {
  return {
    text: `insert into erasures (redaction_id, complaint_id, applied_at, scrubbed)
           select r, $2, $3::timestamptz, $4 from unnest($1::text[]) as r
           on conflict (redaction_id) do nothing`,
    params: [redactionIds, complaintId, at, scrubbed],
  };
}

/**
 * Re-announces rewritten events to every replica that holds them, as a
 * transfer re-announces history: each event's origin row moves to a fresh
 * feed sequence number (so its `seq` is new and everyone whose pull or stream
 * saw the old row receives it again: its branch, directors, admins, and the
 * author of a rejected event), and every other branch it was re-announced to
 * gets a fresh row too. Must be the transaction's last statements, after the
 * sequence lock (commit order is sequence order, docs/protocol.md).
 */
export function reannounceStatements(db: Db, eventIds: readonly string[]): Statement[] {
  const statements: Statement[] = [];
  if (db.storage === 'postgres') {
    statements.push({ text: 'select pg_advisory_xact_lock($1, $2)', params: [db.lockNamespace, LOCKS.sequence] });
  }
  statements.push({
    text: `with moved as (
             delete from feed where event_id = any($1::text[]) and origin
             returning event_id, branch_id, pushed_by, accepted
           ), others as (
             select distinct f.event_id, f.branch_id, f.pushed_by
               from feed f
              where f.event_id = any($1::text[]) and not f.origin and f.accepted
                and f.branch_id is distinct from (select m.branch_id from moved m where m.event_id = f.event_id)
           ), fresh as (
             select event_id, branch_id, pushed_by, accepted, true as origin from moved
             union all
             select event_id, branch_id, pushed_by, true, false from others
           )
           insert into feed (fseq, event_id, branch_id, pushed_by, accepted, origin)
           select nextval('feed_seq'), event_id, branch_id, pushed_by, accepted, origin
             from (select * from fresh order by origin desc, event_id, branch_id) s
           returning fseq as s`,
    params: [eventIds],
  });
  return statements;
}

export interface StoredErasureRecord {
  redactionId: string;
  complaintId: string;
  number: string | null;
  branchId: string | null;
  actorId: string;
  fields: string[];
  reason: string;
  occurredAt: string;
  receivedAt: string;
  appliedAt: string | null;
  scrubbed: number | null;
}

/**
 * The record of erasures: every accepted redaction (who, which complaint,
 * which fields, why, when) and when its stored events were scrubbed, newest
 * first, `before` being the previous page's last redaction id order key.
 */
export async function listErasures(db: Sql, limit: number, before: string | null): Promise<StoredErasureRecord[]> {
  const rows = await db.query<{
    id: string;
    complaint_id: string;
    doc: string;
    received_at: string;
    applied_at: string | null;
    scrubbed: number | null;
    number: string | null;
    branch_id: string | null;
  }>(
    `select e.id, e.complaint_id, e.doc, e.received_at, x.applied_at::text as applied_at, x.scrubbed, c.number, c.branch_id
       from events e
       left join erasures x on x.redaction_id = e.id
       left join complaints c on c.id = e.complaint_id
      where e.type = 'complaint.redacted' and e.status = 'accepted'
        and ($2::text is null or (e.received_at, e.id) < (split_part($2, '|', 1), split_part($2, '|', 2)))
      order by e.received_at desc, e.id desc
      limit $1`,
    [limit, before],
  );
  return rows.map((r) => {
    const doc = JSON.parse(r.doc) as { actorId: string; occurredAt: string; payload: { fields?: string[]; reason?: string } };
    return {
      redactionId: r.id,
      complaintId: r.complaint_id,
      number: r.number,
      branchId: r.branch_id,
      actorId: doc.actorId,
      fields: doc.payload.fields ?? [],
      reason: doc.payload.reason ?? '',
      occurredAt: doc.occurredAt,
      receivedAt: r.received_at,
      appliedAt: r.applied_at === null ? null : new Date(r.applied_at).toISOString(),
      scrubbed: r.scrubbed === null ? null : Number(r.scrubbed),
    };
  });
}

/** The complaint with this id or human number, with its branch; null when unknown. */
export async function findComplaint(db: Sql, key: { id?: string; number?: string }): Promise<{ id: string; branchId: string; projection: string } | null> {
  const rows = await db.query<{ id: string; branch_id: string; projection: string }>(
    key.id !== undefined
      ? 'select id, branch_id, projection from complaints where id = $1'
      : 'select id, branch_id, projection from complaints where number = $1 order by first_seq limit 1',
    [key.id ?? key.number],
  );
  const r = rows[0];
  return r ? { id: r.id, branchId: r.branch_id, projection: r.projection } : null;
}

/** Closed complaints received before `cutoff` not yet wholly erased by retention (candidates; the rule decides). */
export function retentionCandidates(db: Sql, cutoff: string, skip: readonly string[], limit: number) {
  return db.query<{ id: string; projection: string; folded_revision: unknown }>(
    `select c.id, c.projection, c.folded_revision from complaints c
      where c.status = 'closed' and c.received_at < $1::timestamptz and not (c.id = any($2::text[]))
      order by c.received_at limit $3`,
    [cutoff, [...skip], limit],
  );
}
