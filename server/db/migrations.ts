import type { Db } from './db';
import { LOCKS } from './db';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface MigrationResult {
  applied: number[];
  current: number;
}

/**
 * Applies every migration not yet recorded, each in its own transaction,
 * under a lock so two processes starting together never both apply one.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  return db.withExclusiveLock(LOCKS.migrations, async () => {
    await db.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set(
      (await db.query<{ version: number }>('select version from schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      });
      applied.push(m.version);
    }
    const all = [...done, ...applied];
    return { applied, current: all.length ? Math.max(...all) : 0 };
  });
}
