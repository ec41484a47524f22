import { describe, expect, it } from 'vitest';
import { createDataKeySource } from './data-key';
import { fakeCipher, memoryFile } from './test-support/fake-keychain';

const counter = () => {
  let n = 0;
  const random = (size: number) => {
    n += 1;
    return new Uint8Array(size).fill(n);
  };
  return { random, calls: () => n };
};

describe('data key source', () => {
  it('makes a 256-bit key once, keeps it wrapped by the keychain, and gives the same key on the next run', async () => {
    const file = memoryFile();
    const random = counter();
    const source = createDataKeySource(file, fakeCipher(), random.random);
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a).toEqual({ kind: 'os-keychain', key: Buffer.alloc(32, 1).toString('base64') });
    expect(b).toEqual(a);
    expect(random.calls()).toBe(1);
    expect(file.writes()).toBe(1);
    const key = (a as { key: string }).key;
    expect(file.content()).not.toContain(key);
    expect(JSON.parse(file.content()!)).toEqual({ version: 1, wrapped: expect.any(String) });

    const nextRun = createDataKeySource(file, fakeCipher(), counter().random);
    expect(await nextRun.get()).toEqual(a);
    expect(file.writes()).toBe(1);
  });

  it('answers no key, and writes nothing, without a keychain', async () => {
    const file = memoryFile();
    const random = counter();
    expect(await createDataKeySource(file, fakeCipher(false), random.random).get()).toEqual({ kind: 'none', reason: 'no-keychain' });
    expect(file.writes()).toBe(0);
    expect(random.calls()).toBe(0);
  });

  it('reports a key the keychain no longer unwraps and never replaces it', async () => {
    const file = memoryFile();
    await createDataKeySource(file, fakeCipher(true, 0x5a), counter().random).get();
    const before = file.content();
    const otherKeychain = createDataKeySource(file, fakeCipher(true, 0x33), counter().random);
    expect(await otherKeychain.get()).toEqual({ kind: 'none', reason: 'unreadable' });
    expect(file.content()).toBe(before);
  });

  it('treats a file of another shape as unreadable rather than making a new key', async () => {
    const file = memoryFile({ version: 1, wrapped: 42 });
    expect(await createDataKeySource(file, fakeCipher(), counter().random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
    expect(file.writes()).toBe(0);
  });
});
