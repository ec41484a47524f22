import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteDb } from './pglite-db';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the crash writer until it has reported `count` numbers, then SIGKILLs it; resolves to the numbers it reported. */
function writeUntilKilled(dataDir: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../test-support/crash-writer.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const acknowledged: number[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const m of out.matchAll(/committed ([\d,]+)\n/g)) acknowledged.push(...(m[1] as string).split(',').map(Number));
      out = out.slice(out.lastIndexOf('\n') + 1);
      // Killed right after an acknowledgement, as a server killed after answering a push.
      if (acknowledged.length >= count && child.signalCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`crash writer exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

describe('embedded database after SIGKILL', () => {
  it('keeps every acknowledged commit and never hands out a feed number again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hd-durability-'));
    dirs.push(dataDir);
    const acknowledged: number[] = [];
    // Twice: the second run starts from a directory that was itself recovered from a kill.
    for (const count of [40, 120]) {
      acknowledged.push(...(await writeUntilKilled(dataDir, count)));
      const db = await openPgliteDb(dataDir);
      try {
        const have = await db.query<{ n: unknown }>('select n from crash_probe');
        const stored = new Set(have.map((r) => Number(r.n)));
        expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
        // A number taken after the restart is above everything stored: a reader holding a checkpoint never misses a later commit.
        const [highest] = await db.query<{ m: unknown }>('select max(n) as m from crash_probe');
        const [next] = await db.query<{ n: unknown }>(`select nextval('feed_seq') as n`);
        expect(Number(next?.n)).toBeGreaterThan(Number(highest?.m));
      } finally {
        await db.close();
      }
    }
  }, 60_000);
});
