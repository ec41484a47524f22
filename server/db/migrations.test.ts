import { afterAll, describe, expect, it } from 'vitest';
import { storageKinds } from '../test-support/harness';
import { dropSchema, freshSchemaName } from '../test-support/pg-schema';
import type { Db } from './db';
import { migrate } from './migrations';
import { MIGRATIONS } from './migrations/index';
import { openPgDb } from './pg-db';
import { openPgliteDb } from './pglite-db';

const latest = Math.max(...MIGRATIONS.map((m) => m.version));

describe('migrations', () => {
  it('apply once on PGlite, recorded, and are a no-op the second time', async () => {
    const db = await openPgliteDb('memory://');
    try {
      const first = await migrate(db);
      expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
      const second = await migrate(db);
      expect(second).toEqual({ applied: [], current: latest });
      const rows = await db.query<{ version: number }>('select version from schema_migrations order by version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await db.close();
    }
  });

  describe.runIf(storageKinds().includes('postgres'))('on PostgreSQL', () => {
    const schema = freshSchemaName();
    const url = process.env.DATABASE_URL as string;
    afterAll(async () => dropSchema(url, schema));

    it('two processes starting at once apply each migration exactly once', async () => {
      const dbs: Db[] = await Promise.all([0, 1, 2].map(() => openPgDb({ url, schema })));
      try {
        const results = await Promise.all(dbs.map((db) => migrate(db)));
        const applied = results.flatMap((r) => r.applied).sort();
        expect(applied).toEqual(MIGRATIONS.map((m) => m.version).sort());
        expect(results.every((r) => r.current === latest)).toBe(true);
        // The eight agents' soothing scripts of migration 2 and the six lead callback scripts of migration 10, once.
        const scripts = await dbs[0]!.query<{ n: unknown }>('select count(*) as n from scripts');
        expect(Number(scripts[0]?.n)).toBe(14);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    });
  });
});
