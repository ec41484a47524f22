import type { RelayVerdict } from '../../shared/protocol/hub';
import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';
import { REJECT } from '../sync/reasons';

interface StoredVerdictRow {
  id: string;
  status: 'accepted' | 'rejected';
  reason_code: string | null;
  reason_message: string | null;
  doc: string;
  relayed_by: string | null;
  complaint_branch: string | null;
}

/**
 * Central's verdict on each relayed event, read back after the relay was
 * decided, so a repeat (the hub never got the first answer) is answered
 * with the verdict first given. An id central holds with other content is
 * the hub's own event when the hub relayed it or it is an accepted event of
 * the hub's branch (central scrubbed it since: the pull brings the new
 * content); any other id is someone else's, and is refused without a word
 * about it.
 */
export async function relayVerdicts(db: Sql, hub: AuthUser, relayed: readonly { id: string; stored: string }[]): Promise<RelayVerdict[]> {
  const ids = [...new Set(relayed.map((r) => r.id))];
  const rows = await db.query<StoredVerdictRow>(
    `select e.id, e.status, e.reason_code, e.reason_message, e.doc, e.relayed_by, c.branch_id as complaint_branch
       from events e left join complaints c on c.id = e.complaint_id
      where e.id = any($1::text[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const verdicts: RelayVerdict[] = [];
  for (const r of relayed) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const row = byId.get(r.id);
    const ours =
      row !== undefined &&
      (row.doc === r.stored || row.relayed_by === hub.id || (row.status === 'accepted' && row.complaint_branch === hub.branchId));
    if (!row || !ours) {
      verdicts.push({ id: r.id, status: 'rejected', reason: REJECT.duplicateId() });
      continue;
    }
    verdicts.push(
      row.status === 'accepted'
        ? { id: r.id, status: 'accepted' }
        : { id: r.id, status: 'rejected', reason: { code: row.reason_code ?? 'rejected', message: row.reason_message ?? '' } },
    );
  }
  return verdicts;
}
