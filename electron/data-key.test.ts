import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDataKeySource } from './data-key';
import { createJsonFile } from './json-file';
import type { SecretCipher } from './secret-store';
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

  describe('a stored key the keychain can no longer unwrap', () => {
    /** safeStorage after the OS keychain was reset: it still encrypts (with a new key) but decryptString throws for anything older. */
    const resetKeychain = (): SecretCipher & { decrypts: () => number } => {
      let decrypts = 0;
      const fresh = fakeCipher(true, 0x77);
      return {
        isAvailable: () => true,
        encrypt: fresh.encrypt,
        decrypt: () => {
          decrypts += 1;
          throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        },
        decrypts: () => decrypts,
      };
    };

    async function firstRun() {
      const file = memoryFile();
      const made = await createDataKeySource(file, fakeCipher(), counter().random).get();
      return { file, made, wrapped: file.content() };
    }

    it('answers unreadable when decryptString throws, makes no key, keeps the wrapped key, and gives it back once the keychain is back', async () => {
      const { file, made, wrapped } = await firstRun();
      const keychain = resetKeychain();
      const random = counter();
      const source = createDataKeySource(file, keychain, random.random);
      expect(await source.get()).toEqual({ kind: 'none', reason: 'unreadable' });
      expect(keychain.decrypts()).toBe(1);
      // Asked again in the same run (a second window, a reload): the same answer, still nothing made or written.
      expect(await source.get()).toEqual({ kind: 'none', reason: 'unreadable' });
      expect(random.calls()).toBe(0);
      expect(file.writes()).toBe(1);
      expect(file.content()).toBe(wrapped);

      expect(await createDataKeySource(file, fakeCipher(), counter().random).get()).toEqual(made);
    });

    it('answers unreadable when the keychain unwraps it to something that is not a key', async () => {
      const { file, wrapped } = await firstRun();
      const garbling: SecretCipher = { isAvailable: () => true, encrypt: fakeCipher().encrypt, decrypt: () => '\u0007\u0000garbage' };
      expect(await createDataKeySource(file, garbling, counter().random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
      expect(file.content()).toBe(wrapped);
    });

    it('answers unreadable, not "no keychain", when the keychain is gone but a wrapped key is stored', async () => {
      const { file, made, wrapped } = await firstRun();
      const random = counter();
      expect(await createDataKeySource(file, fakeCipher(false), random.random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
      expect(random.calls()).toBe(0);
      expect(file.content()).toBe(wrapped);
      expect(await createDataKeySource(file, fakeCipher(), counter().random).get()).toEqual(made);
    });

    it('answers unreadable for a key file that is no longer JSON (torn, hand-edited) instead of making a new key over it', async () => {
      const file = memoryFile(undefined, '{"version":1,"wrapped":"dGhp');
      const random = counter();
      expect(await createDataKeySource(file, fakeCipher(), random.random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
      expect(random.calls()).toBe(0);
      expect(file.writes()).toBe(0);
    });

    it('leaves data-key.json on disk as it was', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'data-key-'));
      try {
        const target = path.join(dir, 'data-key.json');
        const made = await createDataKeySource(createJsonFile(target), fakeCipher(), counter().random).get();
        const wrapped = await readFile(target, 'utf8');
        expect(await createDataKeySource(createJsonFile(target), resetKeychain(), counter().random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
        expect(await readFile(target, 'utf8')).toBe(wrapped);
        expect(await createDataKeySource(createJsonFile(target), fakeCipher(), counter().random).get()).toEqual(made);

        await writeFile(target, wrapped.slice(0, 20));
        expect(await createDataKeySource(createJsonFile(target), fakeCipher(), counter().random).get()).toEqual({ kind: 'none', reason: 'unreadable' });
        expect(await readFile(target, 'utf8')).toBe(wrapped.slice(0, 20));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
