import { type Db, type Tx } from '../db/db';
import { lockComplaints, lockComplaintsStatement } from '../complaints/projection-rows';
import type { SettingsStore } from '../reference/settings-store';
import { guardStatement, loadState, writeStatements } from './accept-store';
import { decidePush, prepare, safeKey, settle, type AcceptResult, type DecisionState, type Plan, type Writer } from './decide';
import type { PushRow } from './wire';

export type { AcceptResult, Writer } from './decide';

/**
 * The one path by which events enter the store, for pushes and for the
 * server's own breach escalations. Each event is checked (schema, role,
 * author, branch scope, the complaint's state through the shared fold),
 * stored accepted or rejected with its reason, and given a feed sequence
 * under a transaction lock taken last (so commit order is sequence order);
 * every touched complaint is folded once and its projection row updated, all
 * in one transaction.
 *
 * On PostgreSQL the checking and folding run before the transaction, on the
 * state read without locks (one pipelined round trip); the transaction is
 * then sent whole, in one round trip: the complaints' locks, a guard that
 * fails it unless that state is still current (row versions, ids, reference
 * version), the writes and the COMMIT, so it never waits open on this
 * process. When another writer got there first, the push is decided again
 * under the locks. PGlite runs one transaction at a time and decides inside it.
 */
export async function acceptEvents(
  db: Db,
  settings: SettingsStore,
  writer: Writer,
  rows: PushRow[],
  now: Date = new Date(),
  options: { relayUp?: boolean } = {},
): Promise<AcceptResult> {
  const incoming = prepare(rows);
  const receivedAt = now.toISOString();
  const ids = [...new Set(incoming.map((i) => i.id))];
  const complaintIds = [...new Set(incoming.map((i) => safeKey(i.doc.complaintId)).filter((c): c is string => c !== null))];
  // On a branch hub, what waits for central's verdict is marked to be relayed upstream, in the same transaction.
  const decide = (state: DecisionState) => ({
    ...decidePush(state, writer, incoming, receivedAt),
    relayUp: options.relayUp === true,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      if (db.storage !== 'postgres') {
        return await db.transaction(async (tx) => {
          const plan = decide(await loadState(tx, settings, ids, complaintIds));
          return write(db, tx, plan);
        });
      }
      const seen = await db.pinned((sql) => loadState(sql, settings, ids, complaintIds));
      const optimistic = decide(seen);
      // Stored events never change, so an answer with nothing new to store needs no transaction.
      if (!optimistic.fresh.length) return settle(optimistic, []);
      try {
        return await db.transaction(async (tx) => {
          const guard = [lockComplaintsStatement(db, complaintIds), guardStatement(seen, ids, complaintIds)];
          return settle(optimistic, await tx.finish([...guard.filter((g) => g !== null), ...writeStatements(db, optimistic)]));
        });
      } catch (err) {
        if (!isStale(err)) throw err;
      }
      return await db.transaction(async (tx) => {
        await lockComplaints(db, tx, complaintIds);
        return write(db, tx, decide(await loadState(tx, settings, ids, complaintIds)));
      });
    } catch (err) {
      // A concurrent push stored one of these ids between our check and our insert: look again.
      if (attempt < 4 && isRetryable(err)) continue;
      throw err;
    }
  }
}

/** Raised by the guard (migration 5) when another writer changed what a push was decided against. */
function isStale(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'HD001';
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '40P01' || code === '40001' || code === '23505';
}

/** Writes a decided push in the open transaction and commits it. */
async function write(db: Db, tx: Tx, plan: Plan): Promise<AcceptResult> {
  const statements = writeStatements(db, plan);
  return settle(plan, statements.length ? await tx.finish(statements) : []);
}

