import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Throwaway PostgreSQL schemas for tests, benchmarks and the chaos harness:
 * each run gets a schema nobody used, dropped again when it ends.
 */

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** A schema name no earlier run used, so every run starts from an empty database. */
export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ server_version: string }>('show server_version');
    return res.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}
