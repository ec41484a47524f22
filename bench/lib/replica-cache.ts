import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A generated replica kept on disk between benchmark runs (outside the
 * repository): filling IndexedDB with 100,000 complaints through the first
 * sync takes minutes, reading it back a few seconds. The key hashes the
 * sources that decide what is stored, so a change to them builds anew.
 */
export function cacheRoot(): string {
  return process.env.BENCH_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'hotline-desk-bench');
}

/** Every .ts file (tests excluded) under the given files or folders, sorted, hashed with their paths. */
export async function sourceHash(root: string, entries: readonly string[]): Promise<string> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const full = path.join(root, rel);
    if ((await stat(full)).isDirectory()) {
      for (const name of (await readdir(full)).sort()) await walk(path.join(rel, name));
    } else if (rel.endsWith('.ts') && !rel.endsWith('.test.ts')) files.push(rel);
  };
  for (const e of entries) await walk(e);
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(f).update('\0').update(await readFile(path.join(root, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * Copies a cached folder to `dest`; null when there is none under this key,
 * else the note saved with it (the origin a browser profile's data belongs to).
 */
export async function restoreCached(key: string, dest: string): Promise<string | null> {
  const src = path.join(cacheRoot(), key);
  let note: string;
  try {
    note = await readFile(path.join(src, '.complete'), 'utf8');
  } catch {
    return null;
  }
  await cp(src, dest, { recursive: true });
  return note;
}

/** Saves `src` under `key` with a note, whole or not at all (the note is written last, then it is renamed into place). */
export async function saveCached(key: string, src: string, note: string): Promise<void> {
  const root = cacheRoot();
  await mkdir(root, { recursive: true });
  const tmp = path.join(root, `${key}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await cp(src, tmp, { recursive: true });
  await writeFile(path.join(tmp, '.complete'), note);
  await rm(path.join(root, key), { recursive: true, force: true });
  await rename(tmp, path.join(root, key));
}
