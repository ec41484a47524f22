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

  private keys(username: string, address: string) {
    return [
      { key: LoginLimiter.userKey(username), limit: this.maxFailures },
      { key: `a:${address}`, limit: this.maxFailures * this.perAddressFactor },
    ];
  }

  /**
   * Claims one attempt before the password is checked, atomically: the
   * attempt is counted and judged against the count in one statement, so
   * parallel guesses each take their own place and no more than the limit
   * of them reach the password check. Returns the seconds to wait (the
   * attempt is then not counted), or 0 when the attempt may go ahead; it
   * counts as a failure until `succeeded` takes it back.
   */
  async claim(username: string, address: string, now: number = Date.now()): Promise<number> {
    const ms = await this.counter.take(this.keys(username, address), now);
    return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
  }

  /** A claimed attempt that signed in: the username's failures are forgotten and the address's claim is taken back. */
  async succeeded(username: string, address: string, now: number = Date.now()): Promise<void> {
    await this.counter.clear(LoginLimiter.userKey(username));
    await this.counter.refund([`a:${address}`], now);
  }
}
