/**
 * Test fixture run as its own process by durability.test.ts: opens the
 * embedded database in the given directory and commits feed sequence numbers
 * in a loop, printing each committed batch's numbers, until it is killed.
 */
import { migrate } from '../db/migrations';
import { openPgliteDb } from '../db/pglite-db';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-writer <data dir>');
const db = await openPgliteDb(dir);
await migrate(db);
await db.exec('create table if not exists crash_probe (n bigint primary key)');
for (;;) {
  // Several numbers per transaction, taken the way a push takes its feed numbers.
  const rows = await db.transaction((tx) =>
    tx.query<{ n: unknown }>(
      `insert into crash_probe (n) select nextval('feed_seq') from generate_series(1, 5) returning n`,
    ),
  );
  process.stdout.write(`committed ${rows.map((r) => Number(r.n)).join(',')}\n`);
}
