import type { Sql } from '../db/db';

/** The hub's durable link state: its pull checkpoint at central, when it last synced, the directory it applied. */
export type HubStateKey = 'pull_seq' | 'last_sync_at' | 'directory_digest';

export async function readHubState(db: Sql, key: HubStateKey): Promise<string | null> {
  const rows = await db.query<{ value: string }>('select value from hub_state where key = $1', [key]);
  return rows[0]?.value ?? null;
}

export function writeHubStateStatement(key: HubStateKey, value: string) {
  return {
    text: 'insert into hub_state (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
    params: [key, value],
  };
}

export async function writeHubState(db: Sql, key: HubStateKey, value: string): Promise<void> {
  const s = writeHubStateStatement(key, value);
  await db.query(s.text, s.params);
}

/** Events the hub accepted that central has not decided yet. */
export async function pendingUpCount(db: Sql): Promise<number> {
  const rows = await db.query<{ n: unknown }>(`select count(*) as n from events where upstream = 'pending'`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The highest feed sequence up to which every event of the hub's feed is
 * central's word: events are relayed in feed order, so all before the first
 * one still waiting are decided (and what came from central always was).
 * Workstations mark an event "confirmed by central" when its seq is at most this.
 */
export async function confirmedThrough(db: Sql): Promise<number> {
  const rows = await db.query<{ m: unknown }>(
    `select coalesce(
       (select min(f.fseq) - 1 from events e join feed f on f.event_id = e.id and f.origin where e.upstream = 'pending'),
       (select max(fseq) from feed), 0) as m`,
  );
  return Number(rows[0]?.m ?? 0);
}

/** The next events to relay, in the order the hub accepted them (their feed order), unchanged. */
export async function pendingBatch(db: Sql, limit: number): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const rows = await db.query<{ id: string; doc: string }>(
    `select e.id, e.doc from events e join feed f on f.event_id = e.id and f.origin
      where e.upstream = 'pending' order by f.fseq limit $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, doc: JSON.parse(r.doc) as Record<string, unknown> }));
}
