/**
 * The one small storage interface both backends implement, so the same SQL
 * and migrations run on PostgreSQL (`pg`) and embedded PGlite.
 */
export type Row = Record<string, unknown>;

/** A statement and its parameters, as `Sql.query` takes them. */
export interface Statement {
  text: string;
  params?: readonly unknown[];
}

export interface Sql {
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** The handle a transaction's work runs on. */
export interface Tx extends Sql {
  /**
   * Runs the transaction's last statements and commits. On PostgreSQL the
   * statements and the COMMIT are sent together (protocol pipelining), so
   * the server runs them back to back without waiting on this process: a
   * lock the first of them takes is held only for the statements and the
   * commit itself, however busy this process is. Resolves to the rows of the
   * last statement; the transaction is then over.
   */
  finish<T extends object = Row>(statements: readonly Statement[]): Promise<T[]>;
}

export type Storage = 'pglite' | 'postgres';

export interface Db extends Sql {
  readonly storage: Storage;
  /** First key of every advisory lock, so servers in different schemas of one database never contend. */
  readonly lockNamespace: number;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn's statements on one connection, outside any transaction. On
   * PostgreSQL the statements fn starts together are pipelined: sent at once,
   * answered in turn, one round trip and one database session for all of them.
   */
  pinned<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Holds a lock across processes (PostgreSQL advisory lock; in-process for PGlite). */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Subscribes to change notifications. `onReconnect` fires when the
   * subscription was lost and re-established (notifications may have been missed).
   */
  listen(onNotify: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
  /** Tells every process (including this one) that something changed. */
  notify(payload: string): Promise<void>;
  /** Connections of the pool (PostgreSQL); undefined for embedded PGlite, which has one. */
  poolUse?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** Keys of the advisory locks this server takes. */
export const LOCKS = {
  migrations: 1,
  sequence: 2,
  complaint: 3,
} as const;
