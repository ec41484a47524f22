import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Row, Sql, Statement, Tx } from './db';

/**
 * Embedded PostgreSQL in this process. PGlite runs one transaction at a time
 * and only one process may open a data directory, so locks are in-process and
 * notifications stay in-process.
 */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const listeners = new Set<(payload: string) => void>();
  const locks = new Map<number, Promise<unknown>>();
  let closed = false;

  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Sql => ({
    async exec(text: string) {
      await q.exec(text);
    },
    async query<T extends object = Row>(text: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(text, params as unknown[]);
      return res.rows;
    },
  });
  const base = wrap(pg);

  return {
    storage: 'pglite',
    lockNamespace: 0,
    query: base.query,
    exec: base.exec,
    transaction: (fn) =>
      pg.transaction((t) => {
        const sql = wrap(t);
        const tx: Tx = {
          ...sql,
          // One transaction at a time: nothing can wait on a lock, so the statements simply run and the transaction commits after fn.
          async finish<T extends object = Row>(statements: readonly Statement[]) {
            let rows: T[] = [];
            for (const s of statements) rows = await sql.query<T>(s.text, s.params);
            return rows;
          },
        };
        return fn(tx);
      }),
    pinned: (fn) => fn(base),
    async withExclusiveLock(key, fn) {
      const previous = locks.get(key) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(fn);
      locks.set(key, run);
      try {
        return await run;
      } finally {
        if (locks.get(key) === run) locks.delete(key);
      }
    },
    async listen(onNotify) {
      listeners.add(onNotify);
      return async () => {
        listeners.delete(onNotify);
      };
    },
    async notify(payload) {
      // Deliver after the caller's current work, like NOTIFY after COMMIT.
      queueMicrotask(() => {
        for (const l of listeners) l(payload);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await pg.close();
    },
  };
}
