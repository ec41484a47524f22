import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storageKinds, type TestServer } from '../test-support/harness';
import { LoginLimiter } from './login-limiter';

describe.each(storageKinds())('LoginLimiter on %s', (storage) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(storage);
  });
  afterAll(async () => t?.cleanup());

  it('blocks a username after the limit within the window, then lets it go', async () => {
    const l = new LoginLimiter(t.server.db, 3, 60_000);
    const base = 6_000_000;
    for (let i = 0; i < 3; i++) {
      expect(await l.retryAfter('Ann', '1.1.1.1', base + 1000)).toBe(0);
      await l.recordFailure('ann', '1.1.1.1', base + 1000);
    }
    expect(await l.retryAfter('ann', '2.2.2.2', base + 2000)).toBeGreaterThan(0);
    expect(await l.retryAfter('bob', '2.2.2.2', base + 2000)).toBe(0);
    // Two windows later the failures no longer count.
    expect(await l.retryAfter('ann', '2.2.2.2', base + 121_000)).toBe(0);
  });

  it('blocks an address trying many usernames', async () => {
    const l = new LoginLimiter(t.server.db, 2, 60_000, 2);
    for (let i = 0; i < 4; i++) await l.recordFailure(`user${i}`, '9.9.9.9', 0);
    expect(await l.retryAfter('someone-else', '9.9.9.9', 1)).toBeGreaterThan(0);
  });

  it('holds across server processes sharing the database', async () => {
    // Two limiters on one database stand for two processes behind a balancer.
    const a = new LoginLimiter(t.server.db, 4, 60_000);
    const b = new LoginLimiter(t.server.db, 4, 60_000);
    const at = 9_000_000;
    await a.recordFailure('carol', '3.3.3.3', at);
    await b.recordFailure('carol', '4.4.4.4', at);
    await a.recordFailure('carol', '5.5.5.5', at);
    expect(await b.retryAfter('carol', '6.6.6.6', at)).toBe(0);
    await b.recordFailure('carol', '6.6.6.6', at);
    expect(await a.retryAfter('carol', '7.7.7.7', at)).toBeGreaterThan(0);
    expect(await b.retryAfter('carol', '7.7.7.7', at)).toBeGreaterThan(0);
    await a.recordSuccess('Carol');
    expect(await b.retryAfter('carol', '7.7.7.7', at)).toBe(0);
  });

  it('stores neither usernames nor addresses', async () => {
    const l = new LoginLimiter(t.server.db, 3, 60_000);
    await l.recordFailure('dave.secret', '10.20.30.40', 12_000_000);
    const rows = await t.server.db.query<{ key: string }>('select key from rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes('dave') || r.key.includes('10.20'))).toBe(false);
  });
});
