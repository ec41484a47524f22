import { describe, expect, it, vi } from 'vitest';
import { ephemeralAtRest } from '../data/crypto/at-rest';
import { isSealed, seal, unseal } from '../data/crypto/envelope';
import { draftStorage, type DraftSealer } from './draft-storage';
import { memoryWebStorage } from './memory-web-storage';

const NAME = '欧阳娜娜';
const PHONE = '13912345678';
const ITEM = 'drafts';


async function cipherKey(): Promise<CryptoKey> {
  const atRest = await ephemeralAtRest();
  if (atRest.kind !== 'encrypted') throw new Error('expected a key');
  return atRest.keys.cipher;
}

type Value = { state: { drafts: Record<string, { customerName: string; phone: string }> }; version: number };
const value = (customerName: string, phone = PHONE): Value => ({ state: { drafts: { u1: { customerName, phone } } }, version: 1 });

describe('draft storage', () => {
  it('reads and writes nothing before the key is known', async () => {
    const backing = memoryWebStorage();
    backing.setItem(ITEM, JSON.stringify(value(NAME)));
    const storage = draftStorage<Value['state']>(() => backing);
    expect(storage.keyed()).toBe(false);
    expect(await storage.getItem(ITEM)).toBeNull();
    await storage.setItem(ITEM, value('') as never);
    expect(JSON.parse(backing.getItem(ITEM)!)).toEqual(value(NAME));
  });

  it('keeps drafts in clear JSON, written at once, on a workstation without a key', async () => {
    const backing = memoryWebStorage();
    const storage = draftStorage<Value['state']>(() => backing);
    storage.useKey(null);
    void storage.setItem(ITEM, value(NAME) as never);
    expect(backing.getItem(ITEM)).toContain(NAME);
    expect(await storage.getItem(ITEM)).toEqual(value(NAME));
  });

  it('with a key, stores one sealed envelope holding no name or phone, and opens it again', async () => {
    const backing = memoryWebStorage();
    const key = await cipherKey();
    const storage = draftStorage<Value['state']>(() => backing);
    storage.useKey(key);
    await storage.setItem(ITEM, value(NAME) as never);
    const stored = backing.getItem(ITEM)!;
    expect(isSealed(stored)).toBe(true);
    for (const clear of [NAME, '欧阳', PHONE, '12345678']) expect(stored).not.toContain(clear);
    expect(await unseal(key, stored)).toEqual(value(NAME));

    const reloaded = draftStorage<Value['state']>(() => backing);
    reloaded.useKey(key);
    expect(await reloaded.getItem(ITEM)).toEqual(value(NAME));
  });

  it('still reads a draft an older build wrote in the clear', async () => {
    const backing = memoryWebStorage();
    backing.setItem(ITEM, JSON.stringify(value(NAME)));
    const storage = draftStorage<Value['state']>(() => backing);
    storage.useKey(await cipherKey());
    expect(await storage.getItem(ITEM)).toEqual(value(NAME));
  });

  it('lands the latest write when an earlier one is sealed last', async () => {
    const backing = memoryWebStorage();
    const key = await cipherKey();
    // The first seal is held back until the second has been written.
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const slowFirst: DraftSealer = {
      seal: async (k, v) => {
        calls += 1;
        if (calls === 1) await firstHeld;
        return seal(k, v);
      },
      unseal,
    };
    const storage = draftStorage<Value['state']>(() => backing, slowFirst);
    storage.useKey(key);
    const first = storage.setItem(ITEM, value('欧') as never);
    await storage.setItem(ITEM, value('欧阳') as never);
    expect(await unseal(key, backing.getItem(ITEM)!)).toEqual(value('欧阳'));
    releaseFirst();
    await first;
    expect(await unseal(key, backing.getItem(ITEM)!)).toEqual(value('欧阳'));
  });

  it('writes nothing back after a removal (sign-out) that came while sealing', async () => {
    const backing = memoryWebStorage();
    const storage = draftStorage<Value['state']>(() => backing);
    storage.useKey(await cipherKey());
    const pending = storage.setItem(ITEM, value(NAME) as never);
    storage.removeItem(ITEM);
    await pending;
    expect(backing.getItem(ITEM)).toBeNull();
  });

  it('keeps drafts sealed with a key it does not have, untouched, until sign-out removes them', async () => {
    const backing = memoryWebStorage();
    const first = draftStorage<Value['state']>(() => backing);
    first.useKey(await cipherKey());
    await first.setItem(ITEM, value(NAME) as never);
    const sealed = backing.getItem(ITEM);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    for (const key of [await cipherKey(), null]) {
      const other = draftStorage<Value['state']>(() => backing);
      other.useKey(key);
      expect(await other.getItem(ITEM)).toBeNull();
      await other.setItem(ITEM, value('someone else') as never);
      expect(backing.getItem(ITEM)).toBe(sealed);
      other.removeItem(ITEM);
      expect(backing.getItem(ITEM)).toBeNull();
      backing.setItem(ITEM, sealed!);
    }
    error.mockRestore();
  });
});
