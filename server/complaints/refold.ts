import type { StoredEvent } from '../../shared/events/envelope';
import { fold, type FoldContext } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { Db, Sql } from '../db/db';
import type { FoldSettings, SettingsStore } from '../reference/settings-store';
import { lockComplaints, upsertProjections } from './projection-rows';

const BATCH = 100;

/** The accepted events of each complaint, folded afresh with `ctx`. */
export async function foldFromEvents(tx: Sql, complaintIds: readonly string[], ctx: FoldContext): Promise<Map<string, ComplaintProjection>> {
  const byComplaint = new Map<string, StoredEvent[]>();
  if (!complaintIds.length) return new Map();
  for (const r of await tx.query<{ complaint_id: string; doc: string }>(
    `select complaint_id, doc from events where complaint_id = any($1::text[]) and status = 'accepted'`,
    [complaintIds],
  )) {
    const list = byComplaint.get(r.complaint_id) ?? [];
    list.push(JSON.parse(r.doc) as StoredEvent);
    byComplaint.set(r.complaint_id, list);
  }
  const out = new Map<string, ComplaintProjection>();
  for (const [id, events] of byComplaint) {
    const p = fold(events, ctx);
    if (p) out.set(id, p);
  }
  return out;
}

export interface StoredProjectionRow {
  id: string;
  projection: string;
  folded_revision: unknown;
}

/**
 * The projections of these rows as the current policy folds them: rows
 * folded with another revision are folded again from their events on the
 * spot (read-only; the background re-fold writes them back), so reads never
 * show deadlines of a policy that no longer applies.
 */
export async function currentProjections(db: Sql, settings: FoldSettings, rows: readonly StoredProjectionRow[]): Promise<ComplaintProjection[]> {
  const revision = settings.policy.revision;
  const stale = rows.filter((r) => r.folded_revision === null || Number(r.folded_revision) !== revision).map((r) => r.id);
  const fresh = stale.length ? await foldFromEvents(db, stale, { policy: settings.policy, calendar: settings.calendar }) : new Map();
  return rows.map((r) => fresh.get(r.id) ?? (JSON.parse(r.projection) as ComplaintProjection));
}

/**
 * Brings every stored projection to the current policy: in batches of
 * complaints (ordered by id, so a pass never revisits a row), each batch one
 * transaction that takes the complaints' locks, folds their accepted events
 * again and rewrites the rows with their due times. A push folding one of
 * them meanwhile waits for the lock, or folds from scratch itself when it
 * sees a stale row. Runs at start and after every policy change.
 */
export class Refolder {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsStore,
  ) {}

  /** Starts a pass (or queues one after the pass in progress); resolves with the rows rewritten. */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await this.pass();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private async pass(): Promise<number> {
    let after = '';
    let written = 0;
    for (;;) {
      const current = await this.settings.current();
      const revision = current.policy.revision;
      const ids = (
        await this.db.query<{ id: string }>(
          `select id from complaints where id > $1 and (folded_revision is null or folded_revision <> $2)
            order by id limit $3`,
          [after, revision, BATCH],
        )
      ).map((r) => r.id);
      if (!ids.length) return written;
      after = ids[ids.length - 1] as string;
      written += await this.db.transaction(async (tx) => {
        await lockComplaints(this.db, tx, ids);
        const settings = await this.settings.current(tx);
        const folded = await foldFromEvents(tx, ids, { policy: settings.policy, calendar: settings.calendar });
        await upsertProjections(tx, [...folded.values()], settings.policy.revision);
        return folded.size;
      });
      if (ids.length < BATCH) return written;
    }
  }
}
