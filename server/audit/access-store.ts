import type { AccessLogEntry, AccessLogQuery, AccessRecord } from '../../shared/audit/access-record';
import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';

/** Stores uploaded access records for `user` (ids already stored are skipped); returns how many were new. */
export async function storeAccessRecords(db: Sql, user: AuthUser, records: readonly AccessRecord[], receivedAt: string): Promise<number> {
  const rows = records.map((r) => ({
    id: r.id,
    action: r.action,
    detail: r.action === 'export' ? (r.report ?? '') : (r.fields ?? []).join(','),
    complaint_ids: [...new Set(r.complaintIds)],
    at: new Date(r.at).toISOString(),
    workstation_id: r.workstationId,
  }));
  const stored = await db.query<{ id: string }>(
    `insert into access_log (id, user_id, role, user_branch_id, workstation_id, action, detail, complaint_ids, complaint_count, at, received_at)
     select r.id, $2, $3, $4, r.workstation_id, r.action, r.detail,
            array(select json_array_elements_text(r.complaint_ids)), json_array_length(r.complaint_ids), r.at, $5::timestamptz
       from json_to_recordset($1::json) as r(id text, action text, detail text, complaint_ids json, at timestamptz, workstation_id text)
     on conflict (id) do nothing
     returning id`,
    [JSON.stringify(rows), user.id, user.role, user.branchId, receivedAt],
  );
  return stored.length;
}

interface Row {
  n: unknown;
  id: string;
  user_id: string;
  role: string;
  user_branch_id: string | null;
  workstation_id: string;
  action: AccessLogEntry['action'];
  detail: string;
  complaints: string;
  complaint_count: unknown;
  at: string;
  received_at: string;
}

/**
 * The access log, newest first, as `reader` may see it: admins every
 * record; a quality manager the records of their branch's users and the
 * records about complaints now in their branch, each listing only the
 * complaints of that branch. `cursor` is the previous page's last `n`
 * (`order` gives each item's).
 */
export async function listAccessRecords(
  db: Sql,
  reader: AuthUser,
  q: AccessLogQuery,
  limit: number,
): Promise<{ items: AccessLogEntry[]; order: number[] }> {
  const branch = reader.role === 'admin' ? null : (reader.branchId ?? '');
  const rows = await db.query<Row>(
    `select a.n, a.id, a.user_id, a.role, a.user_branch_id, a.workstation_id, a.action, a.detail, a.complaint_count,
            a.at::text as at, a.received_at::text as received_at,
            (select coalesce(json_agg(json_build_object('id', x.id, 'number', c.number) order by x.ord), '[]')::text
               from (select id, ord from unnest(a.complaint_ids) with ordinality as u(id, ord) limit 50) x
               left join complaints c on c.id = x.id
              where $1::text is null or c.branch_id = $1) as complaints
       from access_log a
      where ($1::text is null
             or a.user_branch_id = $1
             or exists (select 1 from complaints c where c.id = any(a.complaint_ids) and c.branch_id = $1))
        and ($2::text is null or a.complaint_ids @> array[$2::text])
        and ($3::text is null or a.user_id = $3)
        and ($4::text is null or a.action = $4)
        and ($5::timestamptz is null or a.at >= $5::timestamptz)
        and ($6::timestamptz is null or a.at < $6::timestamptz)
        and ($7::bigint is null or a.n < $7::bigint)
      order by a.n desc
      limit $8`,
    [branch, q.complaintId ?? null, q.userId ?? null, q.action ?? null, q.from ?? null, q.to ?? null, q.cursor ?? null, limit],
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      role: r.role,
      userBranchId: r.user_branch_id,
      workstationId: r.workstation_id,
      action: r.action,
      detail: r.detail,
      complaints: JSON.parse(r.complaints) as AccessLogEntry['complaints'],
      complaintCount: Number(r.complaint_count),
      at: new Date(r.at).toISOString(),
      receivedAt: new Date(r.received_at).toISOString(),
    })),
    order: rows.map((r) => Number(r.n)),
  };
}
