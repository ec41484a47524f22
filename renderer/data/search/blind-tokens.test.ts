import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindTokens, clearPhoneKey, keyedPhoneKey } from './blind-tokens';

describe('blind tokens', () => {
  it('are the truncated HMAC-SHA256 of the tag and text under the key', () => {
    const key = new Uint8Array(32).fill(3);
    const expected = createHmac('sha256', key).update('n\u0000王明').digest('base64url').slice(0, 6);
    expect(blindTokens(key, 6)('n', '王明')).toBe(expected);
    expect(blindTokens(key, 6)('d', '王明')).not.toBe(expected);
  });

  it('key the phone lookup: equal digits give equal keys, no digits show, no phone stays empty', () => {
    const phone = keyedPhoneKey(new Uint8Array(32).fill(3));
    expect(phone.of('13800138000')).toBe(phone.of('13800138000'));
    expect(phone.of('13800138000')).not.toBe(phone.of('13800138001'));
    expect(phone.of('13800138000')).toMatch(/^h[A-Za-z0-9_-]{16}$/);
    expect(phone.of('')).toBe('');
    expect(keyedPhoneKey(new Uint8Array(32).fill(4)).of('13800138000')).not.toBe(phone.of('13800138000'));
    expect(phone.id).not.toBe(clearPhoneKey.id);
    expect(clearPhoneKey.of('13800138000')).toBe('13800138000');
  });
});
