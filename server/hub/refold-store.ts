import type { StoredEvent } from '../../shared/events/envelope';
import { compareEvents, fold, type FoldContext } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { upsertProjectionsStatement } from '../complaints/projection-rows';
import { LOCKS, type Db, type Sql, type Statement } from '../db/db';
import type { SettingsStore } from '../reference/settings-store';
import { reannounceStatements } from '../erasure/erasure-store';
import { REJECT } from '../sync/reasons';

/**
 * Statements the hub writes when central's word changes what it holds
 * (events pulled from central, central's verdicts on relayed events): the
 * touched complaints folded afresh from their accepted events, and the
 * branch's copies of complaints that left the branch dropped.
 */

/**
 * The projections of these complaints from their accepted events; those that
 * fold to nothing are listed apart, with where the last transfer the hub
 * holds of each took it (`movedTo`; absent without one).
 */
export async function refold(
  tx: Sql,
  ctx: FoldContext,
  complaintIds: readonly string[],
): Promise<{ folded: ComplaintProjection[]; empty: string[]; movedTo: Map<string, string> }> {
  const movedTo = new Map<string, string>();
  if (!complaintIds.length) return { folded: [], empty: [], movedTo };
  const byComplaint = new Map<string, StoredEvent[]>(complaintIds.map((id) => [id, []]));
  for (const r of await tx.query<{ complaint_id: string; doc: string }>(
    `select complaint_id, doc from events where complaint_id = any($1::text[]) and status = 'accepted'`,
    [complaintIds],
  )) {
    byComplaint.get(r.complaint_id)?.push(JSON.parse(r.doc) as StoredEvent);
  }
  const folded: ComplaintProjection[] = [];
  const empty: string[] = [];
  for (const [id, events] of byComplaint) {
    let p: ComplaintProjection | null = null;
    // Without its creation a complaint is only the transfers kept after it left
    // the branch: nothing to show. Folded, they would make a complaint of the old
    // branch (the transfer's own envelope) that the hub then answers for.
    if (events.some((e) => e.type === 'complaint.created')) {
      try {
        p = fold(events, ctx);
      } catch {
        p = null;
      }
    }
    if (p) folded.push(p);
    else {
      empty.push(id);
      const last = events.filter((e) => e.type === 'complaint.transferred').sort(compareEvents).at(-1);
      const to = (last?.payload as { toBranchId?: unknown } | undefined)?.toBranchId;
      if (typeof to === 'string') movedTo.set(id, to);
    }
  }
  return { folded, empty, movedTo };
}

/** Writes refolded projections and removes the rows of complaints that fold to nothing. */
export function projectionStatements(result: { folded: ComplaintProjection[]; empty: string[] }, revision: number): Statement[] {
  const out: Statement[] = [];
  if (result.folded.length) out.push(upsertProjectionsStatement(result.folded, revision));
  if (result.empty.length) out.push({ text: 'delete from complaints where id = any($1::text[])', params: [result.empty] });
  return out;
}

/** The sequence lock every feed write takes last (commit order is sequence order, docs/protocol.md). */
export function sequenceLock(db: Db): Statement[] {
  return db.storage === 'postgres' ? [{ text: 'select pg_advisory_xact_lock($1, $2)', params: [db.lockNamespace, LOCKS.sequence] }] : [];
}

/** Events whose stored copy changed get a fresh feed row, so every workstation that pulled them pulls them again. */
export function reannounce(db: Db, eventIds: readonly string[]): Statement[] {
  if (!eventIds.length) return [];
  return reannounceStatements(db, eventIds).filter((s) => !s.text.includes('pg_advisory_xact_lock'));
}

/**
 * Events that were refused and are accepted now (central's verdict): their
 * feed rows, announced again by `reannounce`, become the branch's (a
 * refusal's row has no branch and shows to its author only). After
 * `reannounce`, in the same transaction.
 */
export function acceptedInFeed(eventIds: readonly string[], branchId: string): Statement[] {
  if (!eventIds.length) return [];
  return [
    {
      text: 'update feed set accepted = true, branch_id = $2 where origin and not accepted and event_id = any($1::text[])',
      params: [eventIds, branchId],
    },
  ];
}

/**
 * Nothing of another branch stays on the hub: a complaint now in another
 * branch loses its accepted events here (its transfers stay, so the branch's
 * workstations learn it left), their feed rows, and its projection. Not
 * while any of its events waits for central's verdict: that verdict folds
 * the complaint again (a transfer central refuses brings it back, a
 * refused note leaves it where it went), and a fold of what was left after
 * a prune would be wrong; every call site prunes again once it is applied.
 *
 * `left` names complaints with no projection any more whose last transfer
 * took them elsewhere (`refold`'s `movedTo`): events of theirs that came in
 * after the prune, such as central's copies of the events it accepted with
 * the transfer, pulled once the verdict had pruned the complaint, go too.
 *
 * An event the hub had refused and central accepted (`overruled`) is not
 * dropped without a word: its author was told "refused" when pushing, and
 * central's acceptance may never have reached that workstation. It stays
 * for its author alone, as a refusal does (no branch on its feed row,
 * announced again), with the reason `accepted_then_moved`: accepted by
 * central, the complaint now in another branch. Its workstation shows that,
 * never "refused", and nothing of it is shown to anyone else. Its one
 * row: how many events it announced so to their authors (`told`).
 *
 * `byRow: false` leaves the complaints whose row names another branch for a
 * later prune: while a pull is paging through a complaint's history
 * re-announced to the branch (a transfer back in), its row still says where
 * it went until the page with the transfer in arrives.
 */
export function pruneStatement(branchId: string, left: readonly string[] = [], o: { byRow?: boolean } = {}): Statement {
  const told = REJECT.acceptedThenMoved();
  return {
    text: `with gone as (
                  select g.id from (select c.id from complaints c where $5::boolean and c.branch_id <> $1
                                    union select x.id from unnest($2::text[]) as x(id)) g
                   where not exists (select 1 from events p where p.complaint_id = g.id and p.upstream = 'pending')),
                dropped as (
                  delete from events e using gone g
                   where e.complaint_id = g.id and e.status = 'accepted' and e.type <> 'complaint.transferred' and not e.overruled
               returning e.id),
                told as (
                  update events e set status = 'rejected', reason_code = $3, reason_message = $4
                    from gone g
                   where e.complaint_id = g.id and e.status = 'accepted' and e.type <> 'complaint.transferred' and e.overruled
               returning e.id),
                unfed as (
                  delete from feed f
                   where f.event_id in (select id from dropped) or (f.event_id in (select id from told) and not f.origin)
               returning 1),
                refed as (
                  update feed f set fseq = nextval('feed_seq'), accepted = false, branch_id = null
                   where f.origin and f.event_id in (select id from told)
               returning 1),
                unfolded as (delete from complaints c using gone g where c.id = g.id returning 1)
           select count(*) as told from told`,
    params: [branchId, [...left], told.code, told.message, o.byRow ?? true],
  };
}

/**
 * What follows any change central makes to the hub's events (a pulled page,
 * a verdict): the touched complaints refolded and stored, the changed events
 * announced again on the hub's feed (those accepted now as the branch's),
 * `feed` written next, and what left the branch pruned. One sequence, so the
 * import and the verdicts cannot drift apart.
 */
export async function refoldAndAnnounce(
  db: Db,
  tx: Sql,
  settings: SettingsStore,
  o: {
    branchId: string;
    touched: readonly string[];
    changedIds: readonly string[];
    acceptedIds: readonly string[];
    feed?: Statement[];
    /** More pages of the same pull follow: complaints whose row names another branch are pruned after the last. */
    morePages?: boolean;
  },
): Promise<Statement[]> {
  const fctx = await settings.current(tx);
  const projections = await refold(tx, { policy: fctx.policy, calendar: fctx.calendar }, o.touched);
  const left = projections.empty.filter((id) => (projections.movedTo.get(id) ?? o.branchId) !== o.branchId);
  return [
    ...projectionStatements(projections, fctx.policy.revision),
    ...sequenceLock(db),
    ...reannounce(db, o.changedIds),
    ...acceptedInFeed(o.acceptedIds, o.branchId),
    ...(o.feed ?? []),
    pruneStatement(o.branchId, left, { byRow: !o.morePages }),
  ];
}
