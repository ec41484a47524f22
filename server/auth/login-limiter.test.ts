import { describe, expect, it } from 'vitest';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { LoginLimiter } from './login-limiter';

describe.each(storageKinds())('LoginLimiter on %s', (storage) => {
  const t = suiteServer(storage);

  it('blocks a username after the limit within the window, then lets it go', async () => {
    const l = new LoginLimiter(t.server.db, 3, 60_000);
    const base = 6_000_000;
    for (let i = 0; i < 3; i++) expect(await l.claim(i % 2 ? 'Ann' : 'ann', '1.1.1.1', base + 1000)).toBe(0);
    expect(await l.claim('ann', '2.2.2.2', base + 2000)).toBeGreaterThan(0);
    expect(await l.claim('bob', '2.2.2.2', base + 2000)).toBe(0);
    // Two windows later the failures no longer count.
    expect(await l.claim('ann', '2.2.2.2', base + 121_000)).toBe(0);
  });

  it('blocks an address trying many usernames', async () => {
    const l = new LoginLimiter(t.server.db, 2, 60_000, 2);
    for (let i = 0; i < 4; i++) expect(await l.claim(`user${i}`, '9.9.9.9', 0)).toBe(0);
    expect(await l.claim('someone-else', '9.9.9.9', 1)).toBeGreaterThan(0);
  });

  it('lets no more than the limit through when the claims arrive together', async () => {
    const l = new LoginLimiter(t.server.db, 5, 60_000);
    const at = 15_000_000;
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => l.claim('erin', `8.8.8.${i}`, at)));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    // Refused claims were taken back: the count is the five let through, so the limit still holds, no more.
    expect(await l.claim('erin', '8.8.9.1', at)).toBeGreaterThan(0);
  });

  it('holds across server processes sharing the database', async () => {
    // Two limiters on one database stand for two processes behind a balancer.
    const a = new LoginLimiter(t.server.db, 4, 60_000);
    const b = new LoginLimiter(t.server.db, 4, 60_000);
    const at = 9_000_000;
    expect(await a.claim('carol', '3.3.3.3', at)).toBe(0);
    expect(await b.claim('carol', '4.4.4.4', at)).toBe(0);
    expect(await a.claim('carol', '5.5.5.5', at)).toBe(0);
    expect(await b.claim('carol', '6.6.6.6', at)).toBe(0);
    expect(await a.claim('carol', '7.7.7.7', at)).toBeGreaterThan(0);
    expect(await b.claim('carol', '7.7.7.7', at)).toBeGreaterThan(0);
    await a.succeeded('Carol', '6.6.6.6', at);
    expect(await b.claim('carol', '7.7.7.7', at)).toBe(0);
  });

  it('a sign-in that succeeds takes its claim back from the address', async () => {
    const l = new LoginLimiter(t.server.db, 2, 60_000, 1);
    const at = 21_000_000;
    for (let i = 0; i < 5; i++) {
      expect(await l.claim(`frank${i}`, '5.6.7.8', at)).toBe(0);
      await l.succeeded(`frank${i}`, '5.6.7.8', at);
    }
  });

  it('stores neither usernames nor addresses', async () => {
    const l = new LoginLimiter(t.server.db, 3, 60_000);
    await l.claim('dave.secret', '10.20.30.40', 12_000_000);
    const rows = await t.server.db.query<{ key: string }>('select key from rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes('dave') || r.key.includes('10.20'))).toBe(false);
  });
});
