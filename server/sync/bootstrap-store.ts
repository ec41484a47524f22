import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';
import { EVENT_SEQ } from './feed';
import { documentJson } from './wire';

/**
 * The reads of a bootstrap (shared/protocol/bootstrap.ts). Scope is pull's
 * (feed.ts pullFeed) bounded by `upTo`: an accepted event is delivered when
 * the caller's feed holds a row of it at or below `upTo` (branch users: a row
 * of their branch, the origin or a re-announcement after a transfer; others:
 * its origin row); rejected events to their author, and to admins.
 */

interface EventRow {
  complaint_id: string | null;
  seq: unknown;
  doc: string;
  status: 'accepted' | 'rejected';
  received_at: string;
  reason_code: string | null;
  reason_message: string | null;
}

const COLUMNS = `e.complaint_id, ${EVENT_SEQ('f', 'e')} as seq, e.doc, e.status, e.received_at, e.reason_code, e.reason_message`;

const json = (r: EventRow) =>
  documentJson(r.doc, Number(r.seq), r.received_at, r.status, r.reason_code ? { code: r.reason_code, message: r.reason_message ?? '' } : null);

/** The feed rows of accepted events the caller sees: a condition on `f` with the branch as parameter `$n`. */
function acceptedScope(user: AuthUser, branchParam: number): { sql: string; params: unknown[] } {
  if (seesAllBranches(user.role) || user.role === 'admin') return { sql: 'f.origin and f.accepted', params: [] };
  return { sql: `f.accepted and f.branch_id = $${branchParam}`, params: [user.branchId ?? ''] };
}

/** The next `limit` complaint ids after `after`, in id order (of every branch: scope is applied to their events). */
export async function complaintIdsAfter(db: Sql, after: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from complaints where id > $1 order by id limit $2', [after, limit]);
  return rows.map((r) => r.id);
}

/** The accepted events of these complaints the caller's feed holds at or below `upTo`, as wire JSON per complaint. */
export async function scopedEventsOf(db: Sql, user: AuthUser, complaintIds: string[], upTo: number): Promise<Map<string, string[]>> {
  const scope = acceptedScope(user, 3);
  const rows = complaintIds.length
    ? await db.query<EventRow>(
        `select distinct on (e.id) ${COLUMNS}
           from events e join feed f on f.event_id = e.id
          where e.complaint_id = any($1::text[]) and e.status = 'accepted' and f.fseq <= $2 and ${scope.sql}
          order by e.id`,
        [complaintIds, upTo, ...scope.params],
      )
    : [];
  const by = new Map<string, string[]>();
  for (const r of rows) {
    const id = r.complaint_id ?? '';
    const list = by.get(id) ?? [];
    list.push(json(r));
    by.set(id, list);
  }
  return by;
}

/** The rejected events pull gives the caller up to `upTo`: their own, or every one for admins. */
export async function rejectedUpTo(db: Sql, user: AuthUser, upTo: number): Promise<string[]> {
  const rows =
    user.role === 'admin'
      ? await db.query<EventRow>(
          `select ${COLUMNS} from feed f join events e on e.id = f.event_id where f.origin and not f.accepted and f.fseq <= $1 order by f.fseq`,
          [upTo],
        )
      : await db.query<EventRow>(
          `select ${COLUMNS} from feed f join events e on e.id = f.event_id where f.pushed_by = $1 and not f.accepted and f.fseq <= $2 order by f.fseq`,
          [user.id, upTo],
        );
  return rows.map(json);
}

/** How many complaints and accepted feed rows the caller's bootstrap covers (progress only; re-announcements counted). */
export async function bootstrapTotals(db: Sql, user: AuthUser, upTo: number): Promise<{ complaints: number; events: number }> {
  const all = seesAllBranches(user.role) || user.role === 'admin';
  const [c] = all
    ? await db.query<{ n: unknown }>('select count(*) as n from complaints')
    : await db.query<{ n: unknown }>('select count(*) as n from complaints where branch_id = $1', [user.branchId ?? '']);
  const [e] = all
    ? await db.query<{ n: unknown }>('select count(*) as n from feed where origin and accepted and fseq <= $1', [upTo])
    : await db.query<{ n: unknown }>('select count(*) as n from feed where branch_id = $1 and accepted and fseq <= $2', [user.branchId ?? '', upTo]);
  return { complaints: Number(c?.n ?? 0), events: Number(e?.n ?? 0) };
}
