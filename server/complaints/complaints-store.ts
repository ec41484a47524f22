import type { ComplaintProjection } from '../../shared/fold/projection';
import { seesAllBranches, type Role } from '../../shared/roles';
import { binder, type Bind } from '../db/bind';
import type { Sql } from '../db/db';
import type { StoredProjectionRow } from './refold';

/** Whose complaints a reader sees: every branch's, or their own branch's. */
export interface ComplaintReader {
  role: Role;
  branchId: string | null;
}

/** The `complaints` rows in the reader's scope, as a condition (pull's scope: the complaint's branch now). */
export function complaintsInScope(reader: ComplaintReader, bind: Bind): string {
  return seesAllBranches(reader.role) ? 'true' : `branch_id = ${bind(reader.branchId ?? '')}`;
}

export async function countComplaintsInScope(db: Sql, reader: ComplaintReader): Promise<number> {
  const params: unknown[] = [];
  const [row] = await db.query<{ n: unknown }>(`select count(*) as n from complaints where ${complaintsInScope(reader, binder(params))}`, params);
  return Number(row?.n ?? 0);
}

/** Every stored projection in the reader's scope (what reports are computed from). */
export async function projectionsInScope(db: Sql, reader: ComplaintReader): Promise<ComplaintProjection[]> {
  const params: unknown[] = [];
  const rows = await db.query<{ projection: string }>(`select projection from complaints where ${complaintsInScope(reader, binder(params))}`, params);
  return rows.map((r) => JSON.parse(r.projection) as ComplaintProjection);
}

/** One complaint's stored row, whatever its branch (the caller judges scope). */
export async function complaintRow(db: Sql, id: string): Promise<(StoredProjectionRow & { branch_id: string }) | undefined> {
  const rows = await db.query<StoredProjectionRow & { branch_id: string }>(
    'select id, branch_id, projection, folded_revision from complaints where id = $1',
    [id],
  );
  return rows[0];
}

/** What the complaint list narrows by; each absent field does not narrow. */
export interface ComplaintListFilter {
  branchId?: string | undefined;
  statuses?: string[] | undefined;
  grades?: number[] | undefined;
  /** Past its next deadline at `now` (true), or not (false). */
  overdue?: boolean | undefined;
  /** Complaints listed before this one (the cursor): `first_seq` below it. */
  beforeSeq?: number | undefined;
}

/** Up to `limit` rows in the reader's scope meeting the filter, newest first (by `first_seq`). */
export async function listComplaintRows(
  db: Sql,
  reader: ComplaintReader,
  filter: ComplaintListFilter,
  now: Date,
  limit: number,
): Promise<(StoredProjectionRow & { first_seq: unknown })[]> {
  const params: unknown[] = [];
  const bind = binder(params);
  const where = [complaintsInScope(reader, bind)];
  if (filter.branchId !== undefined) where.push(`branch_id = ${bind(filter.branchId)}`);
  if (filter.statuses !== undefined) where.push(`status = any(${bind(filter.statuses)}::text[])`);
  if (filter.grades !== undefined) where.push(`grade = any(${bind(filter.grades)}::int[])`);
  if (filter.overdue === true) where.push(`next_due < ${bind(now.toISOString())}::timestamptz`);
  if (filter.overdue === false) where.push(`(next_due is null or next_due >= ${bind(now.toISOString())}::timestamptz)`);
  if (filter.beforeSeq !== undefined) where.push(`first_seq < ${bind(filter.beforeSeq)}`);
  return db.query<StoredProjectionRow & { first_seq: unknown }>(
    `select id, first_seq, projection, folded_revision from complaints
      where ${where.join(' and ')}
      order by first_seq desc limit ${bind(limit)}`,
    params,
  );
}

/** What the repeat-complaint check looks for: one phone's digits and category, received since `since`. */
export interface PriorQuery {
  phoneDigits: string;
  category: string;
  since: Date;
  limit: number;
}

/** Projections of earlier complaints in the reader's scope matching the query, newest first. */
export async function priorProjections(db: Sql, reader: ComplaintReader, q: PriorQuery): Promise<ComplaintProjection[]> {
  const params: unknown[] = [];
  const bind = binder(params);
  const rows = await db.query<{ projection: string }>(
    `select projection from complaints
      where phone_digits = ${bind(q.phoneDigits)} and category = ${bind(q.category)} and received_at >= ${bind(q.since.toISOString())}::timestamptz
        and ${complaintsInScope(reader, bind)}
      order by received_at desc limit ${bind(q.limit)}`,
    params,
  );
  return rows.map((r) => JSON.parse(r.projection) as ComplaintProjection);
}
