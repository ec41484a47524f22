import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';
import { documentJson } from './wire';

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


interface EntryRow {
  fseq: unknown;
  branch_id: string | null;
  pushed_by: string;
  accepted: boolean;
  origin: boolean;
  seq: unknown;
  doc: string;
  status: 'accepted' | 'rejected';
  received_at: string;
  reason_code: string | null;
  reason_message: string | null;
}

function toEntry(r: EntryRow): FeedEntry {
  return {
    fseq: Number(r.fseq),
    branchId: r.branch_id,
    pushedBy: r.pushed_by,
    accepted: r.accepted,
    origin: r.origin,
    json: documentJson(
      r.doc,
      Number(r.seq),
      r.received_at,
      r.status,
      r.reason_code ? { code: r.reason_code, message: r.reason_message ?? '' } : null,
    ),
  };
}

/** An event's own `seq` is the feed sequence of its origin row; re-announcements look it up. */
export const EVENT_SEQ = (feed: string, event: string) =>
  `case when ${feed}.origin then ${feed}.fseq else (select o.fseq from feed o where o.event_id = ${event}.id and o.origin) end`;

const ENTRY_COLUMNS = `f.fseq, f.branch_id, f.pushed_by, f.accepted, f.origin,
  ${EVENT_SEQ('f', 'e')} as seq, e.doc, e.status, e.received_at, e.reason_code, e.reason_message`;

/** Who sees a feed row: the same rule as the pull queries below, for the stream. */
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
    const accepted = seesAllBranches(user.role)
      ? 'select fseq, event_id from feed where origin and accepted and fseq > $1 order by fseq limit $3'
      : 'select fseq, event_id from feed where branch_id = $4 and accepted and fseq > $1 order by fseq limit $3';
    const params: unknown[] = [afterSeq, user.id, limit];
    if (!seesAllBranches(user.role)) params.push(user.branchId ?? '');
    rows = await db.query<EntryRow>(
      `select ${ENTRY_COLUMNS}
         from ((${accepted})
               union all
               (select fseq, event_id from feed where pushed_by = $2 and not accepted and fseq > $1 order by fseq limit $3)
               order by fseq limit $3) s
         join feed f on f.fseq = s.fseq join events e on e.id = s.event_id
        order by f.fseq`,
      params,
    );
  }
  return rows.map(toEntry);
}

/** Every feed row after `afterSeq` (the stream hub filters per subscriber). */
export async function readFeedSince(db: Sql, afterSeq: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS}
       from feed f join events e on e.id = f.event_id
      where f.fseq > $1 order by f.fseq limit $2`,
    [afterSeq, limit],
  );
  return rows.map(toEntry);
}

export async function maxFeedSeq(db: Sql): Promise<number> {
  const rows = await db.query<{ m: unknown }>('select coalesce(max(fseq), 0) as m from feed');
  return Number(rows[0]?.m ?? 0);
}
