import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreCached, saveCached, sourceHash } from './replica-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'replica-cache-'));
  process.env.BENCH_CACHE_DIR = path.join(dir, 'cache');
});
afterEach(async () => {
  delete process.env.BENCH_CACHE_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe('replica cache', () => {
  it('hashes sources, not tests: a source edit changes the key, a test edit does not', async () => {
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src', 'a.ts'), 'export const a = 1;');
    await writeFile(path.join(dir, 'src', 'a.test.ts'), 'test 1');
    const first = await sourceHash(dir, ['src']);
    await writeFile(path.join(dir, 'src', 'a.test.ts'), 'test 2');
    expect(await sourceHash(dir, ['src'])).toBe(first);
    await writeFile(path.join(dir, 'src', 'a.ts'), 'export const a = 2;');
    expect(await sourceHash(dir, ['src'])).not.toBe(first);
  });

  it('restores what was saved under a key with its note, and nothing under another', async () => {
    await mkdir(path.join(dir, 'profile', 'IndexedDB'), { recursive: true });
    await writeFile(path.join(dir, 'profile', 'IndexedDB', 'db'), 'stored');
    expect(await restoreCached('k1', path.join(dir, 'out0'))).toBeNull();
    await saveCached('k1', path.join(dir, 'profile'), 'http://127.0.0.1:1');
    expect(await restoreCached('k2', path.join(dir, 'out1'))).toBeNull();
    expect(await restoreCached('k1', path.join(dir, 'out2'))).toBe('http://127.0.0.1:1');
    expect(await readFile(path.join(dir, 'out2', 'IndexedDB', 'db'), 'utf8')).toBe('stored');
  });
});
