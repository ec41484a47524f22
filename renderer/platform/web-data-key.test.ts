import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { loadBrowserDataKey } from './web-data-key';
import { deriveDataKeys } from '../data/crypto/data-keys';

const cipherOf = async (key: unknown) => (await deriveDataKeys(key as CryptoKey)).cipher;
import { seal, unseal } from '../data/crypto/envelope';

describe('the browser data key', () => {
  it('is made once, non-extractable, and the same key on the next load and from a concurrent tab', async () => {
    const idb = new IDBFactory();
    const [a, b] = await Promise.all([loadBrowserDataKey(idb), loadBrowserDataKey(idb)]);
    expect(a.kind).toBe('browser');
    if (a.kind !== 'browser' || b.kind !== 'browser') throw new Error('no key');
    expect(a.key.extractable).toBe(false);
    const again = await loadBrowserDataKey(idb);
    if (again.kind !== 'browser') throw new Error('no key');
    const sealed = await seal(await cipherOf(a.key), { phone: '13800138000' });
    expect(await unseal(await cipherOf(b.key), sealed)).toEqual({ phone: '13800138000' });
    expect(await unseal(await cipherOf(again.key), sealed)).toEqual({ phone: '13800138000' });
  });

  it('differs between two browser profiles', async () => {
    const one = await loadBrowserDataKey(new IDBFactory());
    const two = await loadBrowserDataKey(new IDBFactory());
    if (one.kind !== 'browser' || two.kind !== 'browser') throw new Error('no key');
    const sealed = await seal(await cipherOf(one.key), 'x');
    await expect(unseal(await cipherOf(two.key), sealed)).rejects.toThrow();
  });
});
