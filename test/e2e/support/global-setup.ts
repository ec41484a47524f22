import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLIENT_DIR = path.join(ROOT, 'dist', 'renderer');
const DEFAULT_SERVER_PORT = 8787;

/** A port nobody listens on now, never the server's default (a developer's own server may hold it). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const p = typeof address === 'object' && address ? address.port : 0;
        probe.close(() => resolve(p));
      });
    });
    if (port !== DEFAULT_SERVER_PORT && port !== 0) return port;
  }
}

function buildClient(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(path.join(CLIENT_DIR, 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`Building the web client failed (exit ${result.status ?? result.signal})`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The server exited before it was healthy:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const body = (await res.json()) as { status?: string; storage?: string };
        if (body.status === 'ok') return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not healthy within ${timeoutMs} ms:\n${tail(logFile)}`);
}

function stop(server: ChildProcess, graceMs: number): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), graceMs);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/**
 * Builds the web client once, starts the real server on embedded PGlite in a
 * fresh data directory with the demo organisation, and returns the teardown
 * that stops it with SIGTERM (its graceful shutdown) and removes the data.
 */
/**
 * Specs jump workstation clocks hours ahead (Playwright's fake clock) to pass
 * the callback spacing rule, while the server's clock cannot jump. The server
 * refuses events stamped further ahead than the policy's sync.hlcMaxSkewMs,
 * so the test organisation's admin widens that bound to a day, as an admin
 * may; the bound itself is tested against the server (server/sync/clock-skew.test.ts).
 */
async function allowJumpedWorkstationClocks(url: string): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  if (!login.ok) throw new Error(`admin sign-in for the e2e policy failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const current = (await (await fetch(`${url}/api/admin/policy`, { headers: auth })).json()) as {
    policy: { sync: Record<string, unknown>; businessDates: Record<string, unknown> } & Record<string, unknown>;
  };
  // Receipt times and event wall times come from the same jumped clocks, so the business-date window widens alike.
  const policy = {
    ...current.policy,
    sync: { ...current.policy.sync, hlcMaxSkewMs: 24 * 3_600_000 },
    businessDates: { ...current.policy.businessDates, maxAheadMinutes: 24 * 60 },
  };
  const put = await fetch(`${url}/api/admin/policy`, { method: 'PUT', headers: auth, body: JSON.stringify(policy) });
  if (!put.ok) throw new Error(`setting the e2e policy failed: ${put.status} ${await put.text()}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildClient();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-e2e-'));
  const logFile = path.join(dataDir, 'server.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const server = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dataDir, 'pglite'),
      SEED_DEMO: '1',
      CLIENT_DIR: CLIENT_DIR,
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  try {
    await waitForHealth(url, server, logFile, 90_000);
  } catch (err) {
    await stop(server, 5000);
    throw err;
  }
  try {
    await allowJumpedWorkstationClocks(url);
  } catch (err) {
    await stop(server, 5000);
    throw err;
  }
  process.env.E2E_BASE_URL = url;
  process.env.E2E_CLIENT_DIR = CLIENT_DIR;
  console.log(`e2e server ${url} (log ${logFile})`);

  return async () => {
    await stop(server, 15_000);
    log.end();
    if (process.env.E2E_KEEP_DATA !== '1') await rm(dataDir, { recursive: true, force: true });
  };
}
