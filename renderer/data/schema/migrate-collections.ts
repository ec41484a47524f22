import type { RxCollection } from 'rxdb';
import type { RxMigrationStatus } from 'rxdb/plugins/migration-schema';

/** Where a local schema upgrade stands: documents carried over so far of the collection's total. */
export interface UpgradeProgress {
  collection: string;
  handled: number;
  total: number;
}

/**
 * Documents per migration step. RxDB's own default (10, used when a
 * collection migrates inside addCollections) writes its migration status
 * after every step; at 100,000 complaints that took hours, 1,000 a step
 * carried the same documents over several times faster (docs/performance.md).
 */
export const UPGRADE_BATCH = 1000;

/**
 * Runs every pending schema migration of the database's collections, one
 * collection after another, `batch` documents a step, reporting progress.
 * The collections must have been added with `autoMigrate: false`; until this
 * resolves they hold only what was already migrated, so the caller hands the
 * database to nothing else before then.
 */
export async function migrateCollections(
  db: { collections: object },
  onProgress: (p: UpgradeProgress) => void = () => undefined,
  batch = UPGRADE_BATCH,
): Promise<void> {
  for (const [name, collection] of Object.entries(db.collections) as [string, RxCollection][]) {
    if (!(await collection.migrationNeeded())) continue;
    const state = collection.getMigrationState();
    const sub = state.$.subscribe((st: RxMigrationStatus) => onProgress({ collection: name, handled: st.count.handled, total: st.count.total }));
    try {
      // Rejects (RxDB's DM4) when the migration fails.
      await state.migratePromise(batch);
    } finally {
      sub.unsubscribe();
    }
  }
}
