/**
 * Counts failed sign-ins per username and per client address within a window;
 * past the limit every attempt (even a right one) is refused until the window
 * moves on, which makes guessing passwords slow. In memory, per process.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    /** Per address, several people may share one NAT: allow more. */
    private readonly perAddressFactor = 4,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait, or 0 when an attempt is allowed now. */
  retryAfter(username: string, address: string, now: number = Date.now()): number {
    const user = this.recent(`u:${username.toLowerCase()}`, now);
    const addr = this.recent(`a:${address}`, now);
    const blockedBy = [
      user.length >= this.maxFailures ? user : undefined,
      addr.length >= this.maxFailures * this.perAddressFactor ? addr : undefined,
    ].filter((l): l is number[] => l !== undefined);
    if (!blockedBy.length) return 0;
    const until = Math.max(...blockedBy.map((l) => (l[0] ?? now) + this.windowMs));
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  recordFailure(username: string, address: string, now: number = Date.now()): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list.slice(-this.maxFailures * this.perAddressFactor));
    }
    if (this.failures.size > 100_000) this.failures.clear();
  }

  recordSuccess(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
