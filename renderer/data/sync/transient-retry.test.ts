import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api';
import { isTransient, retryTransient } from './transient-retry';

const failing = (errors: unknown[], value = 'page') => {
  let calls = 0;
  return {
    attempt: async () => {
      const err = errors[calls++];
      if (err) throw err;
      return value;
    },
    calls: () => calls,
  };
};

describe('retrying a transient failure', () => {
  it('asks again after a dropped link, a timeout or a server error, waiting each delay in turn', async () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    const f = failing([new NetworkError('fetch failed'), timeout, new ApiError(503, 'unavailable', 'restarting')]);
    const waited: number[] = [];
    const result = await retryTransient(f.attempt, { delaysMs: [10, 20, 40, 80], sleep: async (ms) => void waited.push(ms) });
    expect(result).toBe('page');
    expect(f.calls()).toBe(4);
    expect(waited).toEqual([10, 20, 40]);
  });

  it('throws a refusal at once: asking again would be refused again', async () => {
    const f = failing([new ApiError(403, 'forbidden', 'out of scope')]);
    await expect(retryTransient(f.attempt, { delaysMs: [10, 20], sleep: async () => undefined })).rejects.toMatchObject({ status: 403 });
    expect(f.calls()).toBe(1);
  });

  it('gives up with the last error once the delays are spent', async () => {
    const f = failing([new NetworkError('a'), new NetworkError('b'), new NetworkError('c')]);
    await expect(retryTransient(f.attempt, { delaysMs: [1, 1], sleep: async () => undefined })).rejects.toThrow('c');
    expect(f.calls()).toBe(3);
  });

  it('gives up at once when its caller stopped (a sign-out)', async () => {
    const f = failing([new NetworkError('a'), new NetworkError('b')]);
    await expect(retryTransient(f.attempt, { delaysMs: [1, 1], isStopped: () => true, sleep: async () => undefined })).rejects.toThrow('a');
    expect(f.calls()).toBe(1);
  });

  it('tells transient failures from refusals', () => {
    expect(isTransient(new ApiError(429, 'rate_limited', 'slow down'))).toBe(true);
    expect(isTransient(new ApiError(500, 'internal', 'oops'))).toBe(true);
    expect(isTransient(new ApiError(401, 'unauthorized', 'expired'))).toBe(false);
    expect(isTransient(new Error('schema mismatch'))).toBe(false);
  });
});
