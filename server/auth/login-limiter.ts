import type { Sql } from '../db/db';
import { RateCounter } from '../http/rate-counter';

/**
 * Counts failed sign-ins per username and per client address; past the limit
 * every attempt (even a right one) is refused until the count falls, which
 * makes guessing passwords slow. The counters live in the database, so the
 * limit holds across every server process on it.
 */
export class LoginLimiter {
  private readonly counter: RateCounter;

  constructor(
    db: Sql,
    private readonly maxFailures: number,
    windowMs: number,
    /** Per address, several people may share one NAT: allow more. */
    private readonly perAddressFactor = 4,
  ) {
    this.counter = new RateCounter(db, 'login', windowMs);
  }

  private static userKey(username: string): string {
    return `u:${username.normalize('NFC').toLowerCase()}`;
  }

  /** Seconds to wait, or 0 when an attempt is allowed now. */
  async retryAfter(username: string, address: string, now: number = Date.now()): Promise<number> {
    const ms = await this.counter.waitMs(
      [
        { key: LoginLimiter.userKey(username), limit: this.maxFailures },
        { key: `a:${address}`, limit: this.maxFailures * this.perAddressFactor },
      ],
      now,
    );
    return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
  }

  async recordFailure(username: string, address: string, now: number = Date.now()): Promise<void> {
    await this.counter.hit([LoginLimiter.userKey(username), `a:${address}`], now);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.counter.clear(LoginLimiter.userKey(username));
  }
}
