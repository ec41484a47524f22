import { afterEach, describe, expect, it } from 'vitest';
import { startLiveServer } from './live-server-support';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openWorkstationStore } from '../../renderer/data/store';
import { memoryStorage, uniqueName } from '../../renderer/data/test-support';

const STREAM = '/api/sync/events/stream';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server() {
  const { server: s, removeData } = await startLiveServer('hd-close-', 1000);
  cleanups.push(removeData);
  return s;
}

/** A fetch that remembers every stream request's signal and when it started. */
function trackingFetch() {
  const streams: { signal: AbortSignal | null | undefined; at: number }[] = [];
  const f: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes(STREAM)) streams.push({ signal: init?.signal, at: Date.now() });
    return fetch(input, init);
  };
  return { streams, fetch: f };
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);
}

// Node's fetch aborted while still connecting can leave a connection that never sends its
// request; the server's shutdown then waits for it. Closing must not leave one behind.
describe('closing a data store', () => {
  it.each([
    ['while its replication is still starting', 0],
    ['after signing out and in again', 1],
  ])('%s ends every stream it started, so the server shuts down', async (_name, variant) => {
    const s = await server();
    const tracked = trackingFetch();
    const store = await openWorkstationStore({
      platform: memoryPlatform(s.url),
      storage: memoryStorage(),
      databaseName: uniqueName('close'),
      fetch: tracked.fetch,
      breachWatcher: false,
      verifierIterations: 1000,
      retryTimeMs: 100,
    });
    expect(await store.session.signIn('agent.gz', 'demo1234')).toMatchObject({ ok: true });
    if (variant === 1) {
      await store.session.signOut();
      expect(await store.session.signIn('agent.gz', 'demo1234')).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 20));
    }
    await store.settled();
    await within(store.close(), 10_000, 'closing the store');
    const closedAt = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    expect(tracked.streams.every((x) => x.signal?.aborted)).toBe(true);
    expect(tracked.streams.filter((x) => x.at > closedAt)).toEqual([]);
    await within(s.close(), 5000, 'the server shutting down');
  }, 30_000);
});
