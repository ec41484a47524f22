import { describe, expect, it } from 'vitest';
import { deriveDataKeys, importDataKey } from './data-keys';

describe('data keys', () => {
  it('derive the same keys from the same raw key, different ones from another, and keep the cipher key inside WebCrypto', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const a = await deriveDataKeys(await importDataKey(raw));
    const b = await deriveDataKeys(await importDataKey(raw.slice()));
    const c = await deriveDataKeys(await importDataKey(crypto.getRandomValues(new Uint8Array(32))));
    expect(a.blind).toEqual(b.blind);
    expect(a.blind).not.toEqual(c.blind);
    expect(a.blind).not.toEqual(raw);
    expect(a.cipher.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', a.cipher)).rejects.toThrow();
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, a.cipher, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b.cipher, sealed))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('imports the raw key as non-extractable and refuses a key of the wrong size', async () => {
    const key = await importDataKey(crypto.getRandomValues(new Uint8Array(32)));
    expect(key.extractable).toBe(false);
    expect(() => importDataKey(new Uint8Array(16))).toThrow();
  });
});
