import type { ServerConfig } from '../config';
import type { Db } from './db';
import { openPgDb } from './pg-db';
import { openPgliteDb } from './pglite-db';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** PostgreSQL when DATABASE_URL is set, embedded PGlite in DATA_DIR otherwise. */
export async function openDb(
  config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir'>,
  onListenError?: (message: string) => void,
): Promise<Db> {
  if (config.databaseUrl) {
    try {
      return await openPgDb({ url: config.databaseUrl, schema: config.databaseSchema, onListenError });
    } catch (err) {
      // The URL may hold a password: name only the host.
      let where = 'the configured server';
      try {
        const u = new URL(config.databaseUrl);
        where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
      } catch {
        /* keep the generic name */
      }
      throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${where}: ${(err as Error).message}`);
    }
  }
  try {
    return await openPgliteDb(config.dataDir);
  } catch (err) {
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${config.dataDir}: ${(err as Error).message}`);
  }
}
