import type { AuthUser } from '../auth/tokens';
import { countComplaintsInScope } from '../complaints/complaints-store';
import { binder } from '../db/bind';
import type { Db, Sql } from '../db/db';
import { acceptedRowsOf, readFeedWhere, rejectedRowsOf } from './feed';

/**
 * The reads of a bootstrap (shared/protocol/bootstrap.ts). Scope is pull's
 * (feed.ts `acceptedRowsOf`, `rejectedRowsOf`) bounded by `upTo`: an accepted
 * event is delivered when the caller's feed holds a row of it at or below
 * `upTo`; rejected events to their author, and to admins.
 */

/** One complaint of a bootstrap page: its id, and `{"id":…,"events":[…]}` as the wire carries it. */
export interface BootstrapComplaint {
  id: string;
  json: string;
}

/**
 * An event row's wire document as PostgreSQL text, exactly what
 * `eventDocJson` (stored-event.ts, wire.ts `documentJson`) makes of the same
 * row: the stored document with the server's fields appended. `to_json` of a
 * text escapes as `JSON.stringify` does (a stored text is always well
 * formed); `concat` skips its null arguments and builds the text in one piece.
 */
function eventDocJsonSql(seq: string): string {
  return `concat(left(e.doc, -1), case when e.doc <> '{}' then ',' end,
      '"seq":', coalesce(${seq}, 0), ',"receivedAt":', to_json(e.received_at), ',"status":"', e.status, '"',
      case when coalesce(e.reason_code, '') <> '' then concat(',"reason":{"code":', to_json(e.reason_code), ',"message":', to_json(coalesce(e.reason_message, '')), '}') end,
      '}')`;
}

/**
 * The next `limit` complaints after `after`, in id order, that hold an
 * accepted event the caller's feed has at or below `upTo`; each with those
 * events in id order, as wire JSON built by the database. Complaints outside
 * the scope are skipped rather than sent empty, so a branch user's page is as
 * full as a director's.
 *
 * The plan this is written for walks the complaints by primary key and looks
 * up each one's events and each event's few feed rows by index, so a page
 * costs what it holds, not what the whole feed holds (the join it replaces
 * hashed every feed row of the scope for every page). The feed's conditions
 * sit in an aggregate, not in a WHERE clause, so no plan can turn the lookup
 * by event into a scan of the feed's range; the origin row's sequence is the
 * event's own `seq` whichever of its rows is in scope (feed.ts `FEED_ROW_SEQ`).
 *
 * JIT compilation is off for it: until the tables are first analysed (a new
 * server's first hours) the planner guesses about 200 feed rows an event, so
 * the estimate grows with the feed past PostgreSQL's JIT thresholds, and at
 * 10,000 complaints compiling cost 270 ms for a page that runs in 100 ms. The
 * SET and the page travel together with the transaction's BEGIN and COMMIT.
 */
export async function bootstrapComplaintsAfter(db: Db, user: AuthUser, after: string, limit: number, upTo: number): Promise<BootstrapComplaint[]> {
  const params: unknown[] = [after, limit, upTo];
  const text = `select c.id, concat('{"id":', to_json(c.id), ',"events":[', ev.json, ']}') as json
       from complaints c
       cross join lateral (
         select string_agg(${eventDocJsonSql('s.seq')}, ',' order by e.id) as json
           from events e
           cross join lateral (
             select max(f.fseq) filter (where f.origin) as seq, bool_or(f.fseq <= $3 and ${acceptedRowsOf(user, binder(params))}) as seen
               from feed f where f.event_id = e.id
           ) s
          where e.complaint_id = c.id and e.status = 'accepted' and s.seen
       ) ev
      where c.id > $1 and ev.json is not null
      order by c.id
      limit $2`;
  return db.transaction((tx) => tx.finish<BootstrapComplaint>([{ text: 'set local jit = off' }, { text, params }]));
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
