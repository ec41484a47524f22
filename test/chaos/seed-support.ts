import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../bench/lib/server-process';
import type { ChaosClientThread } from './chaos-client-thread';

/** What the plain and the hub chaos runs share: database templates, timeouts, and the trace of a failed check. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Servers of a chaos run may take long to start when the machine is busy; a slow start is no finding. */
export const START_TIMEOUT_MS = 300_000;

const templates = new Map<string, Promise<string>>();

/**
 * An embedded database directory made once per process (created, migrated,
 * cleanly shut down; `demo` with the demo organisation, `empty` without, as
 * a hub starts); each seed starts on a copy of it. Creating one takes
 * several seconds, most of a seed's run otherwise.
 */
export function pgliteTemplate(kind: 'demo' | 'empty'): Promise<string> {
  let made = templates.get(kind);
  if (!made) {
    made = (async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), `hotline-chaos-template-${kind}-`));
      const server = await startServerProcess({ dataDir: dir, seedDemo: kind === 'demo', env: { DEADLINE_WATCH_MS: '0' }, startTimeoutMs: START_TIMEOUT_MS });
      await server.stop();
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    })();
    // A template that could not be made is tried again by the next seed, not reused as a failure.
    made.catch(() => templates.delete(kind));
    templates.set(kind, made);
  }
  return made;
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** For each client a check complained about: how its missing or stuck events travelled to it. */
export async function explainProblems(clients: readonly ChaosClientThread[], problems: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const c of clients) {
    const ids = [...new Set(problems.flatMap((p) => [...p.matchAll(new RegExp(`client ${c.index}: (?:missing accepted )?event ([0-9a-f-]{36})`, 'g'))].map((m) => m[1] as string)))];
    if (!ids.length) continue;
    const seqs = [...new Set(problems.filter((p) => p.startsWith(`client ${c.index}: `)).flatMap((p) => [...p.matchAll(/server seq (\d+)/g)].map((m) => Number(m[1]))))];
    const why = await c.explain(ids.slice(0, 6), seqs.slice(0, 6)).catch((err: unknown) => ({ events: {}, errors: [String(err)], batches: [] }));
    lines.push(`client ${c.index} trace:`);
    for (const [id, text] of Object.entries(why.events)) lines.push(`    ${id}: ${text}`);
    for (const b of why.batches) lines.push(`    batch ${b}`);
    for (const e of why.errors) lines.push(`    error ${e}`);
  }
  return lines;
}

/**
 * Settles and verifies until the run converges or its time is up, then adds
 * the last verdict's problems (explained by the clients' traces), the
 * errors seen on the way and its figures to the run's own. Both chaos runs
 * end this way; the verdict is returned for what a run checks after it.
 */
export async function awaitConvergence<V extends { problems: string[]; stats: object }>(o: {
  verify: () => Promise<V>;
  timeoutMs: number;
  clients: readonly ChaosClientThread[];
  errors: readonly string[];
  problems: string[];
  stats: Record<string, number>;
}): Promise<V> {
  const deadline = Date.now() + o.timeoutMs;
  let verdict = await o.verify();
  while (verdict.problems.length > 0 && Date.now() < deadline) {
    await sleep(500);
    verdict = await o.verify();
  }
  o.problems.push(...verdict.problems, ...o.errors.slice(0, 5));
  if (verdict.problems.length) o.problems.push(...(await explainProblems(o.clients, verdict.problems)));
  Object.assign(o.stats, verdict.stats);
  return verdict;
}
