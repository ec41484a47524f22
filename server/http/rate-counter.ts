import { createHash } from 'node:crypto';
import type { Sql } from '../db/db';

/**
 * Hit counters in the database, so a limit holds across every server process
 * on one database (a balancer spreading attempts over N processes no longer
 * multiplies the allowance). Fixed windows, read as a sliding window: the
 * previous window's count weighs in by the part of it still inside the
 * sliding span, which avoids the double burst at a window boundary.
 * Keys are stored hashed: the table holds no usernames or addresses.
 */
export class RateCounter {
  private lastSweep = 0;

  constructor(
    private readonly db: Sql,
    /** Short namespace so limits of different purposes never share counters. */
    private readonly namespace: string,
    readonly windowMs: number,
  ) {}

  private key(raw: string): string {
    return `${this.namespace}:${createHash('sha256').update(raw).digest('base64url').slice(0, 32)}`;
  }

  private windowStart(now: number): number {
    return Math.floor(now / this.windowMs) * this.windowMs;
  }

  /** Counts one hit for each key (one statement). */
  async hit(keys: readonly string[], now: number = Date.now()): Promise<void> {
    const start = new Date(this.windowStart(now)).toISOString();
    await this.db.query(
      `insert into rate_limits (key, window_start, hits)
       select k, $2::timestamptz, 1 from unnest($1::text[]) as k
       on conflict (key, window_start) do update set hits = rate_limits.hits + 1`,
      [[...new Set(keys.map((k) => this.key(k)))], start],
    );
    await this.sweep(now);
  }

  /** For each key, how long (ms) until its sliding count falls below `limit`; 0 when it already is. */
  async waitMs(keys: readonly { key: string; limit: number }[], now: number = Date.now()): Promise<number> {
    const start = this.windowStart(now);
    const hashed = keys.map((k) => this.key(k.key));
    const rows = await this.db.query<{ key: string; window_start: unknown; hits: unknown }>(
      `select key, window_start, hits from rate_limits where key = any($1::text[]) and window_start >= $2::timestamptz`,
      [hashed, new Date(start - this.windowMs).toISOString()],
    );
    let wait = 0;
    keys.forEach((k, i) => {
      let prev = 0;
      let curr = 0;
      for (const r of rows) {
        if (r.key !== hashed[i]) continue;
        const at = new Date(r.window_start as string | Date).getTime();
        if (at === start) curr = Number(r.hits);
        else prev = Number(r.hits);
      }
      wait = Math.max(wait, slidingWaitMs(prev, curr, k.limit, now - start, this.windowMs));
    });
    return wait;
  }

  /**
   * Counts one hit for each key and says, in the same statement, whether the
   * hit was within every key's limit: the increment and the read it is
   * judged by are one atomic step, so parallel requests each see a distinct
   * count and no more than `limit` of them pass. Returns the wait (ms) the
   * refused hit must respect, or 0 when it passed. A refused hit is taken
   * back (see `refund`), so only hits that were let through keep counting.
   */
  async take(keys: readonly { key: string; limit: number }[], now: number = Date.now()): Promise<number> {
    const start = this.windowStart(now);
    const hashed = keys.map((k) => this.key(k.key));
    const rows = await this.db.query<{ key: string; hits: unknown; prev: unknown }>(
      `with up as (
         insert into rate_limits (key, window_start, hits)
         select k, $2::timestamptz, 1 from unnest($1::text[]) as k
         on conflict (key, window_start) do update set hits = rate_limits.hits + 1
         returning key, hits)
       select up.key, up.hits,
              (select p.hits from rate_limits p where p.key = up.key and p.window_start = $3::timestamptz) as prev
         from up`,
      [[...new Set(hashed)], new Date(start).toISOString(), new Date(start - this.windowMs).toISOString()],
    );
    let wait = 0;
    keys.forEach((k, i) => {
      const row = rows.find((r) => r.key === hashed[i]);
      // Judged on the count before this hit: the hits ahead of it in the queue.
      const before = Math.max(0, Number(row?.hits ?? 1) - 1);
      wait = Math.max(wait, slidingWaitMs(Number(row?.prev ?? 0), before, k.limit, now - start, this.windowMs));
    });
    if (wait > 0) await this.refund(keys.map((k) => k.key), now);
    else await this.sweep(now);
    return wait;
  }

  /** Takes back one hit of each key in the window of `now` (a hit that turned out not to count). */
  async refund(keys: readonly string[], now: number = Date.now()): Promise<void> {
    await this.db.query(
      `update rate_limits set hits = greatest(hits - 1, 0) where key = any($1::text[]) and window_start = $2::timestamptz`,
      [[...new Set(keys.map((k) => this.key(k)))], new Date(this.windowStart(now)).toISOString()],
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.query('delete from rate_limits where key = $1', [this.key(key)]);
  }

  /** Old windows are removed now and then (at most once per window per process). */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const keep = Math.max(2 * this.windowMs, 86_400_000);
    await this.db.query('delete from rate_limits where window_start < $1::timestamptz', [new Date(now - keep).toISOString()]);
  }
}

/**
 * With `prev` hits in the previous window and `curr` in the current one,
 * `elapsed` ms into it: the time until prev·(1 − f) + curr < limit, f being
 * the fraction of the window elapsed, assuming no further hits.
 */
export function slidingWaitMs(prev: number, curr: number, limit: number, elapsed: number, windowMs: number): number {
  const estimate = (f: number) => prev * (1 - f) + curr;
  if (estimate(elapsed / windowMs) < limit) return 0;
  if (curr < limit) {
    // prev·(1 − f) < limit − curr
    const f = 1 - (limit - curr) / prev;
    return Math.max(1, Math.ceil(f * windowMs - elapsed) + 1);
  }
  // This window's hits alone reach the limit: wait for it to end, then until they weigh less.
  const f = 1 - limit / curr;
  return windowMs - elapsed + Math.ceil(f * windowMs) + 1;
}
