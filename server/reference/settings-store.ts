import { calendarFromPolicy, type WorkCalendar } from '../../shared/calendar/calendar';
import { defaultPolicy, parsePolicy, type Policy } from '../../shared/policy/policy';
import type { Sql } from '../db/db';

export interface FoldSettings {
  policy: Policy;
  calendar: WorkCalendar;
  /** Ids of every branch (events may only name these). */
  branches: ReadonlySet<string>;
  /** The reference-data version these settings were read at. */
  version: number;
}

export async function referenceVersion(db: Sql): Promise<number> {
  const rows = await db.query<{ value: unknown }>(`select value from counters where name = 'reference'`);
  return Number(rows[0]?.value ?? 0);
}

/** Every admin change to reference data bumps the version, so clients and other processes notice. */
export async function bumpReferenceVersion(db: Sql): Promise<number> {
  const rows = await db.query<{ value: unknown }>(
    `update counters set value = value + 1 where name = 'reference' returning value`,
  );
  return Number(rows[0]?.value ?? 0);
}

export async function readPolicy(db: Sql): Promise<Policy> {
  const rows = await db.query<{ value: string }>(`select value from settings where key = 'policy'`);
  const raw = rows[0]?.value;
  if (raw === undefined) return defaultPolicy;
  const parsed = parsePolicy(JSON.parse(raw));
  // A stored policy only ever got there through validation; a newer build fills new fields with defaults.
  return parsed.ok ? parsed.policy : defaultPolicy;
}

export async function writePolicy(db: Sql, policy: Policy): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ('policy', $1, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [JSON.stringify(policy)],
  );
}

/**
 * The policy and calendar folds run with. Cached per reference version, which
 * is re-read on every use (one primary-key lookup) so a change made through
 * another process is seen at once.
 */
export class SettingsStore {
  private cached: FoldSettings | undefined;

  constructor(private readonly db: Sql) {}

  async current(tx: Sql = this.db): Promise<FoldSettings> {
    const version = await referenceVersion(tx);
    if (this.cached && this.cached.version === version) return this.cached;
    const policy = await readPolicy(tx);
    const branches = new Set((await tx.query<{ id: string }>('select id from branches')).map((r) => r.id));
    this.cached = { policy, calendar: calendarFromPolicy(policy), branches, version };
    return this.cached;
  }
}
