import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import { binder, type Bind } from '../db/bind';
import type { Sql } from '../db/db';
import { eventDocColumns, eventDocJson, ORIGIN_SEQ, type EventDocRow } from './stored-event';

/** One row of the feed joined with its event, as pull and the stream read it. */
export interface FeedEntry {
  fseq: number;
  branchId: string | null;
  pushedBy: string;
  accepted: boolean;
  origin: boolean;
  /** The event document with its server fields, as JSON text. */
  json: string;
}

interface EntryRow extends EventDocRow {
  fseq: unknown;
  branch_id: string | null;
  pushed_by: string;
  accepted: boolean;
  origin: boolean;
}

function toEntry(r: EntryRow): FeedEntry {
  return { fseq: Number(r.fseq), branchId: r.branch_id, pushedBy: r.pushed_by, accepted: r.accepted, origin: r.origin, json: eventDocJson(r) };
}

/** An event's own `seq` is the feed sequence of its origin row; re-announcements (`f` not the origin) look it up. */
export const FEED_ROW_SEQ = `case when f.origin then f.fseq else ${ORIGIN_SEQ} end`;

const ENTRY_COLUMNS = `f.fseq, f.branch_id, f.pushed_by, f.accepted, f.origin, ${eventDocColumns(FEED_ROW_SEQ)}`;

/**
 * The feed rows (`f`) of accepted events a user's pull delivers: branch
 * users their branch's rows (the history re-announced to it after a transfer
 * included), users who see every branch each event's origin row once.
 */
export function acceptedRowsOf(user: AuthUser, bind: Bind): string {
  return seesAllBranches(user.role) ? 'f.origin and f.accepted' : `f.accepted and f.branch_id = ${bind(user.branchId ?? '')}`;
}

/** The feed rows (`f`) of rejected events a user's pull delivers: their own, and every one to admins. */
export function rejectedRowsOf(user: AuthUser, bind: Bind): string {
  return user.role === 'admin' ? 'f.origin and not f.accepted' : `f.pushed_by = ${bind(user.id)} and not f.accepted`;
}

/** Who sees a feed row: the rule of `acceptedRowsOf` and `rejectedRowsOf`, for the stream's rows in hand. */
export function visibleTo(user: AuthUser, e: Pick<FeedEntry, 'branchId' | 'pushedBy' | 'accepted' | 'origin'>): boolean {
  if (!e.accepted) return e.origin && (user.role === 'admin' || e.pushedBy === user.id);
  if (seesAllBranches(user.role)) return e.origin;
  return user.branchId !== null && e.branchId === user.branchId;
}

/**
 * The caller's feed after `afterSeq`, in feed order: branch users their
 * branch's rows (including history re-announced after a transfer), directors
 * and admins every event once; rejected events to their author and admins.
 * Each branch is one index range scan.
 */
export async function pullFeed(db: Sql, user: AuthUser, afterSeq: number, limit: number): Promise<FeedEntry[]> {
  let rows: EntryRow[];
  if (user.role === 'admin') {
    rows = await db.query<EntryRow>(
      `select ${ENTRY_COLUMNS}
         from (select fseq, event_id from feed where origin and fseq > $1 order by fseq limit $2) s
         join feed f on f.fseq = s.fseq join events e on e.id = s.event_id
        order by f.fseq`,
      [afterSeq, limit],
    );
  } else {
    const params: unknown[] = [afterSeq, limit];
    const bind = binder(params);
    rows = await db.query<EntryRow>(
      `select ${ENTRY_COLUMNS}
         from ((select f.fseq, f.event_id from feed f where ${acceptedRowsOf(user, bind)} and f.fseq > $1 order by f.fseq limit $2)
               union all
               (select f.fseq, f.event_id from feed f where ${rejectedRowsOf(user, bind)} and f.fseq > $1 order by f.fseq limit $2)
               order by fseq limit $2) s
         join feed f on f.fseq = s.fseq join events e on e.id = s.event_id
        order by f.fseq`,
      params,
    );
  }
  return rows.map(toEntry);
}

/** Every feed row after `afterSeq` (the stream hub filters per subscriber). */
export async function readFeedSince(db: Sql, afterSeq: number, limit: number): Promise<FeedEntry[]> {
  return readFeedWhere(db, 'f.fseq > $1', [afterSeq], limit);
}

/** The feed rows (`f`) meeting `where` (its parameters in `params`), in feed order, at most `limit` when given. */
export async function readFeedWhere(db: Sql, where: string, params: readonly unknown[], limit?: number): Promise<FeedEntry[]> {
  const bound = [...params];
  const cap = limit === undefined ? '' : `limit ${binder(bound)(limit)}`;
  const rows = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS} from feed f join events e on e.id = f.event_id where ${where} order by f.fseq ${cap}`,
    bound,
  );
  return rows.map(toEntry);
}

export async function maxFeedSeq(db: Sql): Promise<number> {
  const rows = await db.query<{ m: unknown }>('select coalesce(max(fseq), 0) as m from feed');
  return Number(rows[0]?.m ?? 0);
}
