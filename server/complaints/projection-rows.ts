import { dueTimes } from '../../shared/deadlines/running-clocks';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { normalisePhone } from '../../shared/rules/repeat-complaint';
import { LOCKS, type Db, type Sql, type Statement } from '../db/db';
import { nameHash } from '../db/pg-db';
import { textArray } from '../db/text-params';

/** Digits the repeat-complaint check compares, as the shared rule normalises them; null without a phone. */
export function phoneDigitsOf(p: ComplaintProjection): string | null {
  const digits = normalisePhone(p.complainant?.phone ?? '');
  return digits === '' ? null : digits.slice(0, 40);
}

function instantOrNull(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Text PostgreSQL can hold, as the driver would have sent it: no NUL, no lone surrogate. */
function pgText(s: string | null | undefined): string | null {
  return typeof s === 'string' ? s.replaceAll('\u0000', '\uFFFD').toWellFormed() : null;
}

/**
 * The statement that writes projection rows with every column derived from
 * them, stamped with the policy revision they were folded with. New
 * complaints take their listing order from the column default. The small
 * columns travel as one JSON parameter (serialised natively, unpacked by the
 * database), not as per-column arrays the driver would escape element by
 * element; each projection text as a parameter of its own (`textArray`).
 */
export function upsertProjectionsStatement(projections: readonly ComplaintProjection[], revision: number): Statement {
  const texts: string[] = [];
  const rows = projections.map((p) => {
    const due = dueTimes(p);
    texts.push(JSON.stringify(p));
    return {
      n: texts.length,
      id: p.id,
      branch_id: pgText(p.branchId),
      number: pgText(p.number),
      status: pgText(p.status),
      grade: p.grade,
      category: pgText(p.category),
      assignee_id: pgText(p.assigneeId),
      escalation_level: p.escalationLevel,
      next_due: due.nextDue,
      watch_due: due.watchDue,
      phone_digits: phoneDigitsOf(p),
      received_at: instantOrNull(p.receivedAt) ?? instantOrNull(p.createdAt),
    };
  });
  return {
    text: `insert into complaints (id, branch_id, number, status, grade, category, assignee_id, escalation_level,
                             next_due, watch_due, projection, folded_revision, phone_digits, received_at)
     select r.id, r.branch_id, r.number, r.status, r.grade, r.category, r.assignee_id, r.escalation_level,
            r.next_due, r.watch_due, (${textArray(3, texts.length)})[r.n], $2, r.phone_digits, r.received_at
       from json_to_recordset($1::json) as r(n int, id text, branch_id text, number text, status text, grade int, category text,
            assignee_id text, escalation_level int, next_due timestamptz, watch_due timestamptz,
            phone_digits text, received_at timestamptz)
     on conflict (id) do update set
       branch_id = excluded.branch_id, number = excluded.number, status = excluded.status, grade = excluded.grade,
       category = excluded.category, assignee_id = excluded.assignee_id, escalation_level = excluded.escalation_level,
       next_due = excluded.next_due, watch_due = excluded.watch_due, projection = excluded.projection,
       folded_revision = excluded.folded_revision, phone_digits = excluded.phone_digits, received_at = excluded.received_at`,
    params: [JSON.stringify(rows), revision, ...texts],
  };
}

/** Writes projection rows (see `upsertProjectionsStatement`). */
export async function upsertProjections(tx: Sql, projections: readonly ComplaintProjection[], revision: number): Promise<void> {
  if (!projections.length) return;
  const { text, params } = upsertProjectionsStatement(projections, revision);
  await tx.query(text, params);
}

/** Writers touching the same complaints take turns (PostgreSQL; PGlite runs one transaction at a time). */
export async function lockComplaints(db: Db, tx: Sql, complaintIds: readonly string[]): Promise<void> {
  const statement = lockComplaintsStatement(db, complaintIds);
  if (statement) await tx.query(statement.text, statement.params);
}

/** The statement `lockComplaints` runs, for sending in a pipeline; null when there is nothing to lock. */
export function lockComplaintsStatement(db: Db, complaintIds: readonly string[]): Statement | null {
  if (db.storage !== 'postgres' || !complaintIds.length) return null;
  const keys = [...new Set(complaintIds.map(nameHash))].sort((a, b) => a - b);
  return {
    text: 'select pg_advisory_xact_lock($1, k) from unnest($2::int[]) as k',
    params: [(db.lockNamespace + LOCKS.complaint) & 0x7fffffff, keys],
  };
}
