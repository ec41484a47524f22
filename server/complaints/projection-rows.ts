import { dueTimes } from '../../shared/deadlines/running-clocks';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { normalisePhone } from '../../shared/rules/repeat-complaint';
import { LOCKS, type Db, type Sql } from '../db/db';
import { nameHash } from '../db/pg-db';

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

/**
 * Writes projection rows with every column derived from them, stamped with
 * the policy revision they were folded with. New complaints take their
 * listing order from the column default.
 */
export async function upsertProjections(tx: Sql, projections: readonly ComplaintProjection[], revision: number): Promise<void> {
  if (!projections.length) return;
  const dues = projections.map((p) => dueTimes(p));
  await tx.query(
    `insert into complaints (id, branch_id, number, status, grade, category, assignee_id, escalation_level,
                             next_due, watch_due, projection, folded_revision, phone_digits, received_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::int[],
                          $9::timestamptz[], $10::timestamptz[], $11::text[], $12::int[], $13::text[], $14::timestamptz[])
     on conflict (id) do update set
       branch_id = excluded.branch_id, number = excluded.number, status = excluded.status, grade = excluded.grade,
       category = excluded.category, assignee_id = excluded.assignee_id, escalation_level = excluded.escalation_level,
       next_due = excluded.next_due, watch_due = excluded.watch_due, projection = excluded.projection,
       folded_revision = excluded.folded_revision, phone_digits = excluded.phone_digits, received_at = excluded.received_at`,
    [
      projections.map((p) => p.id),
      projections.map((p) => p.branchId),
      projections.map((p) => p.number),
      projections.map((p) => p.status),
      projections.map((p) => p.grade),
      projections.map((p) => p.category),
      projections.map((p) => p.assigneeId),
      projections.map((p) => p.escalationLevel),
      dues.map((d) => d.nextDue),
      dues.map((d) => d.watchDue),
      projections.map((p) => JSON.stringify(p)),
      projections.map(() => revision),
      projections.map((p) => phoneDigitsOf(p)),
      projections.map((p) => instantOrNull(p.receivedAt) ?? instantOrNull(p.createdAt)),
    ],
  );
}

/** Writers touching the same complaints take turns (PostgreSQL; PGlite runs one transaction at a time). */
export async function lockComplaints(db: Db, tx: Sql, complaintIds: readonly string[]): Promise<void> {
  if (db.storage !== 'postgres' || !complaintIds.length) return;
  const keys = [...new Set(complaintIds.map(nameHash))].sort((a, b) => a - b);
  await tx.query('select pg_advisory_xact_lock($1, k) from unnest($2::int[]) as k', [
    (db.lockNamespace + LOCKS.complaint) & 0x7fffffff,
    keys,
  ]);
}
