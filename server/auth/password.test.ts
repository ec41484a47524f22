import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { LoginLimiter } from './login-limiter';

describe('scrypt password hashes', () => {
  it('verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse', 1024);
    const b = await hashPassword('correct horse', 1024);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });

  it('normalises Unicode so the same typed password always matches', async () => {
    const h = await hashPassword('caf\u00e9', 1024);
    expect(await verifyPassword('cafe\u0301', h)).toBe(true);
  });
});

describe('LoginLimiter', () => {
  it('blocks a username after the limit within the window, then lets it go', () => {
    const l = new LoginLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter('Ann', '1.1.1.1', 1000)).toBe(0);
      l.recordFailure('ann', '1.1.1.1', 1000);
    }
    expect(l.retryAfter('ann', '2.2.2.2', 2000)).toBeGreaterThan(0);
    expect(l.retryAfter('bob', '2.2.2.2', 2000)).toBe(0);
    expect(l.retryAfter('ann', '2.2.2.2', 62_000)).toBe(0);
  });

  it('blocks an address trying many usernames', () => {
    const l = new LoginLimiter(2, 60_000, 2);
    for (let i = 0; i < 4; i++) l.recordFailure(`user${i}`, '9.9.9.9', 0);
    expect(l.retryAfter('someone-else', '9.9.9.9', 1)).toBeGreaterThan(0);
  });
});
