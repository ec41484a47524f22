import { describe, expect, it } from 'vitest';
import { createSecretStore } from './secret-store';
import { fakeCipher, memoryFile } from './test-support/fake-keychain';

describe('secret store with a keychain', () => {
  it('round-trips secrets and keeps only ciphertext on disk', async () => {
    const file = memoryFile();
    const store = createSecretStore(file, fakeCipher());
    expect(store.kind()).toBe('encrypted-disk');
    expect(await store.get('sync-token')).toBeNull();
    await store.set('sync-token', 'bearer-secret-123');
    await store.set('local-db-key', 'k'.repeat(64));
    expect(await store.get('sync-token')).toBe('bearer-secret-123');
    expect(file.content()).not.toContain('bearer-secret-123');
    expect(JSON.parse(file.content() ?? '{}')).toMatchObject({ version: 1, secrets: { 'sync-token': expect.any(String) } });

    // A new run of the app reads the same file.
    expect(await createSecretStore(file, fakeCipher()).get('local-db-key')).toBe('k'.repeat(64));

    await store.delete('sync-token');
    expect(await store.get('sync-token')).toBeNull();
    expect(await store.get('local-db-key')).toBe('k'.repeat(64));
  });

  it('does not lose updates made concurrently', async () => {
    const file = memoryFile();
    const store = createSecretStore(file, fakeCipher());
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => store.set(name, `value-${name}`)));
    const fresh = createSecretStore(file, fakeCipher());
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((name) => fresh.get(name)))).toEqual(['value-a', 'value-b', 'value-c', 'value-d']);
  });

  it('answers null for a secret it can no longer decrypt', async () => {
    const file = memoryFile();
    await createSecretStore(file, fakeCipher(true, 0x11)).set('sync-token', 'abc');
    expect(await createSecretStore(file, fakeCipher(true, 0x22)).get('sync-token')).toBeNull();
  });

  it('ignores a malformed file and entries with bad names', async () => {
    expect(await createSecretStore(memoryFile({ version: 7, secrets: { a: 'x' } }), fakeCipher()).get('a')).toBeNull();
    const file = memoryFile({ version: 1, secrets: { '../x': 'AAAA', ok: 42 } });
    const store = createSecretStore(file, fakeCipher());
    expect(await store.get('ok')).toBeNull();
    await store.set('sync-token', 't');
    expect(Object.keys((JSON.parse(file.content() ?? '{}') as { secrets: object }).secrets)).toEqual(['sync-token']);
  });

  it('refuses bad names and oversized values without touching the file', async () => {
    const file = memoryFile();
    const store = createSecretStore(file, fakeCipher());
    await expect(store.set('../../etc/passwd', 'x')).rejects.toThrow(/secret name/);
    await expect(store.get('__proto__')).rejects.toThrow(/secret name/);
    await expect(store.set('sync-token', 'x'.repeat(100_000))).rejects.toThrow(/secret value/);
    expect(file.writes()).toBe(0);
    // The queue keeps working after a rejection.
    await store.set('sync-token', 'ok');
    expect(await store.get('sync-token')).toBe('ok');
  });

  it('asks the keychain about availability once, lazily', async () => {
    const cipher = fakeCipher();
    const store = createSecretStore(memoryFile(), cipher);
    expect(cipher.availabilityChecks()).toBe(0);
    await store.set('a', '1');
    await store.get('a');
    store.kind();
    expect(cipher.availabilityChecks()).toBe(1);
  });
});

describe('secret store without a keychain', () => {
  it('keeps secrets in memory only and never writes them', async () => {
    const file = memoryFile();
    const store = createSecretStore(file, fakeCipher(false));
    expect(store.kind()).toBe('memory');
    await store.set('sync-token', 'plain-token');
    expect(await store.get('sync-token')).toBe('plain-token');
    expect(file.writes()).toBe(0);
    expect(await createSecretStore(file, fakeCipher(false)).get('sync-token')).toBeNull();
    await store.delete('sync-token');
    expect(await store.get('sync-token')).toBeNull();
  });
});
