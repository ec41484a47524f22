import { describe, expect, it } from 'vitest';
import { isSealed, seal, unseal } from './envelope';
import { fromBase64, toBase64 } from './base64';
import { deriveDataKeys, generateDataKey } from './data-keys';

describe('sealed values', () => {
  it('round-trip a value, with a fresh IV each time and no clear text', async () => {
    const { cipher } = await deriveDataKeys(await generateDataKey());
    const value = { name: '王小明', phone: '13800138000' };
    const a = await seal(cipher, value);
    const b = await seal(cipher, value);
    expect(isSealed(a)).toBe(true);
    expect(a).toMatch(/^hd1\.[A-Za-z0-9+/=]{16}\.[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13800138000');
    expect(await unseal(cipher, a)).toEqual(value);
  });

  it('refuses another key and an altered value', async () => {
    const one = await deriveDataKeys(await generateDataKey());
    const other = await deriveDataKeys(await generateDataKey());
    const sealed = await seal(one.cipher, 'x');
    await expect(unseal(other.cipher, sealed)).rejects.toThrow();
    const [prefix, iv, body] = sealed.split('.');
    const altered = fromBase64(body!);
    altered[0]! ^= 1;
    const flipped = `${prefix}.${iv}.${toBase64(altered)}`;
    await expect(unseal(one.cipher, flipped)).rejects.toThrow();
  });

  it('tells clear values from sealed ones', () => {
    expect(isSealed({ a: 1 })).toBe(false);
    expect(isSealed('plain')).toBe(false);
  });
});
