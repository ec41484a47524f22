import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';
import { eventDocJson, mayReadStoredEvent, STORED_EVENT_COLUMNS, type StoredEventRow } from './stored-event';

/** The stored events of these ids the user may read, as wire JSON (`POST /api/sync/events/lookup`). */
export async function lookUpEvents(db: Sql, user: AuthUser, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.query<StoredEventRow & { complaint_branch: string | null }>(
    `select ${STORED_EVENT_COLUMNS}, c.branch_id as complaint_branch
       from events e left join complaints c on c.id = e.complaint_id
      where e.id = any($1::text[])`,
    [[...new Set(ids)]],
  );
  return rows.filter((r) => mayReadStoredEvent(user, r, r.complaint_branch)).map(eventDocJson);
}
