import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../lib/server-process';

export interface PeerProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the in-memory pouchdb server in its own process and waits for it to listen. */
export async function startPouchdbServer(): Promise<PeerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/peer/pouchdb-server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pouchdb server did not start:\n${log}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening (\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`pouchdb server exited ${code}:\n${log}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Creates a database and loads documents through _bulk_docs, in batches. */
export async function loadPeerDocuments(url: string, db: string, docs: readonly Record<string, unknown>[], batch = 1000): Promise<void> {
  const created = await fetch(`${url}/${db}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`create ${db}: ${created.status} ${await created.text()}`);
  for (let i = 0; i < docs.length; i += batch) {
    const res = await fetch(`${url}/${db}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + batch) }),
    });
    if (!res.ok) throw new Error(`bulk_docs: ${res.status} ${await res.text()}`);
  }
}
