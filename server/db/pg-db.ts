import pg from 'pg';
import type { Db, Row, Sql, Statement, Tx } from './db';

export interface PgOptions {
  url: string;
  schema?: string | undefined;
  poolSize?: number;
  /** Called with a short description when the LISTEN connection drops (never with credentials). */
  onListenError?: (message: string) => void;
}

/** A stable 31-bit number for a name (FNV-1a), used as an advisory-lock namespace. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x7fffffff;
}

export function notifyChannel(schema: string | undefined): string {
  return schema ? `hotline_events_${schema}` : 'hotline_events';
}

/** PostgreSQL through a `pg` pool; several server processes may share the database. */
export async function openPgDb(options: PgOptions): Promise<Db> {
  const schema = options.schema;
  const clientConfig: pg.ClientConfig = {
    connectionString: options.url,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  if (schema) {
    // The schema must exist before any pooled connection uses it as search_path.
    const setup = new pg.Client(clientConfig);
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } catch (err) {
      // Two processes creating it at once: one wins, the other's unique violation means it exists.
      const code = (err as { code?: string }).code;
      if (code !== '23505' && code !== '42P06') throw err;
    } finally {
      await setup.end();
    }
  }
  // Pipelined clients send a query without waiting for the previous answer:
  // a transaction's BEGIN goes out with its first statement, and its last
  // statements with their COMMIT (see `Tx.finish`). Single queries behave as usual.
  const pool = new pg.Pool({ ...clientConfig, pipeline: true, max: options.poolSize ?? 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  await pool.query('select 1');

  const channel = notifyChannel(schema);
  const lockNamespace = nameHash(schema ?? 'public');
  const listenClients = new Set<pg.Client>();
  let closed = false;

  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    async exec(text: string) {
      await q.query(text);
    },
    async query<T extends object = Row>(text: string, params: readonly unknown[] = []) {
      const res = await q.query(text, params as unknown[]);
      return res.rows as T[];
    },
  });
  const base = wrap(pool);

  return {
    storage: 'postgres',
    lockNamespace,
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      let committed = false;
      // Not awaited: it travels with the transaction's first statement. BEGIN
      // fails only on a broken connection, and then so does everything after it.
      const begun = client.query('begin');
      begun.catch(() => undefined);
      const tx: Tx = {
        ...wrap(client),
        async finish<T extends object = Row>(statements: readonly Statement[]) {
          const sent = statements.map((s) => client.query(s.text, (s.params ?? []) as unknown[]));
          const commit = client.query('commit');
          // Every promise is observed, so a failure in the middle leaves no unhandled rejection.
          const [results] = await Promise.all([Promise.all(sent), commit, begun]);
          // A COMMIT after a failed statement answers ROLLBACK; the failure itself rejected above.
          committed = true;
          return (results[results.length - 1]?.rows ?? []) as T[];
        },
      };
      try {
        const result = await fn(tx);
        await begun;
        if (!committed) await client.query('commit');
        return result;
      } catch (err) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async pinned(fn) {
      const client = await pool.connect();
      try {
        return await fn(wrap(client));
      } finally {
        client.release();
      }
    },
    async withExclusiveLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1, $2)', [lockNamespace, key]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1, $2)', [lockNamespace, key]);
        }
      } finally {
        client.release();
      }
    },
    async listen(onNotify, onReconnect) {
      let stopped = false;
      let current: pg.Client | undefined;
      let retryTimer: NodeJS.Timeout | undefined;

      const connect = async (isReconnect: boolean): Promise<void> => {
        const client = new pg.Client(clientConfig);
        client.on('notification', (msg) => {
          if (msg.channel === channel) onNotify(msg.payload ?? '');
        });
        const lost = (): void => {
          if (current !== client) return;
          current = undefined;
          listenClients.delete(client);
          client.removeAllListeners('end');
          client.end().catch(() => undefined);
          if (!stopped && !closed) {
            options.onListenError?.('notification connection lost; reconnecting');
            scheduleRetry(500);
          }
        };
        client.on('error', lost);
        client.on('end', lost);
        await client.connect();
        await client.query(`listen ${channel}`);
        current = client;
        listenClients.add(client);
        if (isReconnect) onReconnect();
      };

      const scheduleRetry = (delayMs: number): void => {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          if (stopped || closed) return;
          connect(true).catch(() => scheduleRetry(Math.min(delayMs * 2, 10_000)));
        }, delayMs);
        retryTimer.unref();
      };

      await connect(false);
      return async () => {
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        const client = current;
        current = undefined;
        if (client) {
          listenClients.delete(client);
          client.removeAllListeners('end');
          await client.end().catch(() => undefined);
        }
      };
    },
    async notify(payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const client of listenClients) {
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
      }
      listenClients.clear();
      await pool.end();
    },
  };
}
