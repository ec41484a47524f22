import { LOCKS, type Db, type Sql, type Statement } from '../db/db';
import { textArray } from '../db/text-params';
import { upsertProjectionsStatement } from '../complaints/projection-rows';
import { foldFromEvents } from '../complaints/refold';
import type { SettingsStore } from '../reference/settings-store';
import { safeKey, type ComplaintState, type DecisionState, type Plan, type StoredRow } from './decide';
import { relaysUp } from './relay-up';
import { STORED_EVENT_COLUMNS } from './stored-event';
import { cleanText } from './wire';

/**
 * The statements of a push: loading the state it is decided against, the
 * guard that the state still holds, and the writes of a decided plan. The
 * decision itself is `decide.ts`.
 */

/** The stored state a push is decided against: reference settings, already stored ids, touched complaints. */
export async function loadState(sql: Sql, settingsStore: SettingsStore, ids: string[], complaintIds: string[]): Promise<DecisionState> {
  const [settings, storedRows, complaintRows] = await Promise.all([
    settingsStore.current(sql),
    sql.query<StoredRow>(
      `select ${STORED_EVENT_COLUMNS} from events e where e.id = any($1::text[])`,
      [ids],
    ),
    complaintIds.length
      ? sql.query<{ id: string; branch_id: string; projection: string; folded_revision: unknown; mark: string }>(
          'select id, branch_id, projection, folded_revision, xmin::text as mark from complaints where id = any($1::text[])',
          [complaintIds],
        )
      : Promise.resolve([]),
  ]);
  const existing = new Map(storedRows.map((r) => [r.id, r]));
  const complaints = new Map<string, ComplaintState>();
  const stale: string[] = [];
  for (const r of complaintRows) {
    complaints.set(r.id, { branchId: r.branch_id, projectionText: r.projection, mark: r.mark });
    if (r.folded_revision === null || Number(r.folded_revision) !== settings.policy.revision) stale.push(r.id);
  }
  // Folded with another policy: start from a fresh fold, so the result is what a client with this policy folds.
  if (stale.length) {
    for (const [id, p] of await foldFromEvents(sql, stale, { policy: settings.policy, calendar: settings.calendar })) {
      const state = complaints.get(id);
      if (state) state.projectionText = JSON.stringify(p);
    }
  }
  return { settings, existing, complaints };
}

/**
 * Fails the transaction unless what a push was decided against still holds:
 * no new ids stored (events are never deleted, so an equal count is the same
 * set), every touched complaint row the same version (absent ones still
 * absent), the same reference data. Sent right after the complaints' locks,
 * ahead of the writes, in the same pipeline.
 */
export function guardStatement(seen: DecisionState, ids: string[], complaintIds: string[]): Statement {
  const marks: Record<string, string> = {};
  for (const [id, state] of seen.complaints) marks[id] = state.mark;
  return {
    text: `select push_state_holds(
             (select value from counters where name = 'reference') = $1
             and (select count(*) from events where id = any($2::text[])) = $3
             and (select coalesce(jsonb_object_agg(id, xmin::text), '{}') from complaints where id = any($4::text[])) = $5::jsonb)`,
    params: [seen.settings.version, ids, seen.existing.size, complaintIds, JSON.stringify(marks)],
  };
}

/**
 * The statements that write a decided push: events and projections, then,
 * as the transaction's last statements, the sequence lock and the feed rows.
 * Sent together with the COMMIT (`Tx.finish`), the lock is held from that
 * statement to the end of the commit (PostgreSQL releases transaction locks
 * only once the commit is visible), so a transaction with higher sequence
 * numbers always commits after every one with lower numbers. The feed insert
 * must stay last: its rows are what `settle` reads.
 */
export function writeStatements(db: Db, plan: Plan): Statement[] {
  const { fresh } = plan;
  if (!fresh.length) return [];
  const statements: Statement[] = [
    {
      // No ON CONFLICT: an id stored meanwhile by a push on another complaint is a unique violation, and the push is decided again.
      text: `insert into events (id, complaint_id, type, status, reason_code, reason_message, pushed_by, received_at,
                                 relayed_by, upstream, doc)
             select r.id, r.complaint_id, r.type, r.status, r.reason_code, r.reason_message, coalesce(r.pushed_by, $2), $3,
                    r.relayed_by, r.upstream, (${textArray(4, fresh.length)})[r.n]
               from json_to_recordset($1::json) as r(n int, id text, complaint_id text, type text, status text,
                    reason_code text, reason_message text, pushed_by text, relayed_by text, upstream text)`,
      params: [
        JSON.stringify(
          fresh.map((d, i) => ({
            n: i + 1,
            id: d.incoming.id,
            complaint_id: d.complaintId,
            type: d.event ? d.event.type : safeKey(d.incoming.doc.type),
            status: d.reason ? 'rejected' : 'accepted',
            reason_code: d.reason ? cleanText(d.reason.code, 64) : null,
            reason_message: d.reason ? cleanText(d.reason.message, 500) : null,
            pushed_by: d.pushedBy ?? null,
            relayed_by: plan.relayedBy,
            // On a hub, what it accepted or refused for the state it knew waits for central's verdict (relay-up.ts).
            upstream: plan.relayUp && relaysUp(d.reason?.code ?? null) ? 'pending' : null,
          })),
        ),
        plan.writerId,
        plan.receivedAt,
        ...fresh.map((d) => d.incoming.stored),
      ],
    },
  ];
  if (plan.projections.length) statements.push(upsertProjectionsStatement(plan.projections, plan.revision));
  if (db.storage === 'postgres') {
    statements.push({ text: 'select pg_advisory_xact_lock($1, $2)', params: [db.lockNamespace, LOCKS.sequence] });
  }
  statements.push({
    text: `insert into feed (fseq, event_id, branch_id, pushed_by, accepted, origin)
           select nextval('feed_seq'), r.event_id, r.branch_id, coalesce(r.pushed_by, $2), r.accepted, r.origin
             from json_to_recordset($1::json) as r(event_id text, branch_id text, accepted boolean, origin boolean, n int,
                  pushed_by text)
            order by r.n
           returning fseq as s, event_id, origin`,
    params: [JSON.stringify(plan.feed), plan.writerId],
  });
  return statements;
}

