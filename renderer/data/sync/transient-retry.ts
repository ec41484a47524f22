import { ApiError, isUnreachable } from './api';

/** A failure that asking again may cure: no answer at all, a timeout, or the server's own trouble (5xx, 429). */
export function isTransient(err: unknown): boolean {
  if (isUnreachable(err)) return true;
  return err instanceof ApiError && (err.status >= 500 || err.status === 429);
}

export interface RetryOptions {
  /** Waits before each new attempt, in order; their count is the number of retries. */
  delaysMs: readonly number[];
  /** Checked before each retry: a stopped caller gives up at once with the last error. */
  isStopped?(): boolean;
  sleep?(ms: number): Promise<void>;
}

/** The bootstrap's retries: about half a minute of a dropped link or a restarting server. */
export const BOOTSTRAP_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000];

/**
 * Runs `attempt` again after a transient failure, waiting the next delay
 * each time; a refusal (4xx) or the last failure is thrown as it is.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, o: RetryOptions): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const delay = o.delaysMs[i];
      if (delay === undefined || !isTransient(err) || o.isStopped?.()) throw err;
      await sleep(delay);
    }
  }
}
