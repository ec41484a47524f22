import type { AuthUser } from '../auth/tokens';
import { countComplaintsInScope } from '../complaints/complaints-store';
import { binder } from '../db/bind';
import type { Sql } from '../db/db';
import { acceptedRowsOf, FEED_ROW_SEQ, readFeedWhere, rejectedRowsOf } from './feed';
import { eventDocColumns, eventDocJson, type EventDocRow } from './stored-event';

/**
 * The reads of a bootstrap (shared/protocol/bootstrap.ts). Scope is pull's
 * (feed.ts `acceptedRowsOf`, `rejectedRowsOf`) bounded by `upTo`: an accepted
 * event is delivered when the caller's feed holds a row of it at or below
 * `upTo`; rejected events to their author, and to admins.
 */

/** The next `limit` complaint ids after `after`, in id order (of every branch: scope is applied to their events). */
export async function complaintIdsAfter(db: Sql, after: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from complaints where id > $1 order by id limit $2', [after, limit]);
  return rows.map((r) => r.id);
}

/** The accepted events of these complaints the caller's feed holds at or below `upTo`, as wire JSON per complaint. */
export async function scopedEventsOf(db: Sql, user: AuthUser, complaintIds: string[], upTo: number): Promise<Map<string, string[]>> {
  const by = new Map<string, string[]>();
  if (!complaintIds.length) return by;
  const params: unknown[] = [complaintIds, upTo];
  const rows = await db.query<EventDocRow & { complaint_id: string | null }>(
    `select distinct on (e.id) e.complaint_id, ${eventDocColumns(FEED_ROW_SEQ)}
       from events e join feed f on f.event_id = e.id
      where e.complaint_id = any($1::text[]) and e.status = 'accepted' and f.fseq <= $2 and ${acceptedRowsOf(user, binder(params))}
      order by e.id`,
    params,
  );
  for (const r of rows) {
    const id = r.complaint_id ?? '';
    const list = by.get(id) ?? [];
    list.push(eventDocJson(r));
    by.set(id, list);
  }
  return by;
}

/** The rejected events pull gives the caller up to `upTo`: their own, or every one for admins. */
export async function rejectedUpTo(db: Sql, user: AuthUser, upTo: number): Promise<string[]> {
  const params: unknown[] = [upTo];
  const entries = await readFeedWhere(db, `${rejectedRowsOf(user, binder(params))} and f.fseq <= $1`, params);
  return entries.map((e) => e.json);
}

/** How many complaints and accepted feed rows the caller's bootstrap covers (progress only; re-announcements counted). */
export async function bootstrapTotals(db: Sql, user: AuthUser, upTo: number): Promise<{ complaints: number; events: number }> {
  const complaints = await countComplaintsInScope(db, user);
  const params: unknown[] = [upTo];
  const [e] = await db.query<{ n: unknown }>(`select count(*) as n from feed f where ${acceptedRowsOf(user, binder(params))} and f.fseq <= $1`, params);
  return { complaints, events: Number(e?.n ?? 0) };
}
