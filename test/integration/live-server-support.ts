// Test support: a real sync server on embedded PGlite for one test file, and
// the client stores each test opens, closed after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer } from '../../server/app';
import { memoryPlatform } from '../../renderer/data/platform-port';
import type { OpenDataStoreOptions, WorkstationStore } from '../../renderer/data/store';
import { openTestWorkstation } from '../../renderer/data/test-support';

export type LiveServer = Awaited<ReturnType<typeof startServer>>;

export interface LiveServerFixture {
  /** Set once beforeAll has run. */
  server: LiveServer;
  /** Workstations and stores opened by the current test; each is closed after it. */
  stores: Array<{ close(): Promise<void> }>;
}

/** A demo-seeded server on a fresh data directory and a free port; removeData deletes the directory. */
export async function startLiveServer(
  dirPrefix: string,
  heartbeatMs = 5000,
): Promise<{ server: LiveServer; removeData: () => void }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: true,
    scryptCost: 2 ** 10,
    logLevel: 'silent',
    deadlineWatchIntervalMs: 0,
    heartbeatMs,
  });
  return { server, removeData: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export function liveServerForFile(dirPrefix: string): LiveServerFixture {
  const live = { stores: [] } as unknown as LiveServerFixture;
  let removeData = () => {};
  beforeAll(async () => {
    ({ server: live.server, removeData } = await startLiveServer(dirPrefix));
  }, 120_000);
  afterAll(async () => {
    await live.server?.close();
    removeData();
  });
  afterEach(async () => {
    await Promise.all(live.stores.map((s) => s.close()));
    live.stores = [];
  });
  return live;
}

/** A workstation of this file's server, retrying soon after a failed sync, closed after the test. */
export async function liveWorkstation(live: LiveServerFixture, options: Partial<OpenDataStoreOptions> = {}): Promise<WorkstationStore> {
  const ws = await openTestWorkstation({ platform: memoryPlatform(live.server.url), retryTimeMs: 200, ...options });
  live.stores.push(ws);
  return ws;
}

/** A fetch that fails like a dropped network while `offline` is set. */
export function switchableFetch() {
  const state = { offline: false };
  const f: typeof fetch = (input, init) => (state.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
  return { state, fetch: f };
}

/** Polls until the probe gives something truthy. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
