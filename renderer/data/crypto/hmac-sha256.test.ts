import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256 } from './hmac-sha256';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256 and hmacSha256', () => {
  it('hash as Node does, across block boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const m = randomBytes(n);
      expect(hex(sha256(m))).toBe(createHash('sha256').update(m).digest('hex'));
    }
  });

  it('sign as Node and WebCrypto do, with short and long keys', async () => {
    for (const keyLength of [32, 64, 100]) {
      const key = randomBytes(keyLength);
      const mac = hmacSha256(key);
      const webKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      for (const n of [0, 3, 55, 56, 64, 130]) {
        const m = randomBytes(n);
        expect(hex(mac(m))).toBe(createHmac('sha256', key).update(m).digest('hex'));
        expect(hex(mac(m))).toBe(hex(new Uint8Array(await crypto.subtle.sign('HMAC', webKey, m))));
      }
    }
  });
});
