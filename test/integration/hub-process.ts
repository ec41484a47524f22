// Test support: a branch hub as `npm run server` runs it, in a child process that a test can SIGKILL and start again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown of any kind. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

export interface HubProcessOptions {
  port: number;
  dataDir: string;
  upstreamUrl: string;
  username: string;
  password: string;
  /** More of the server's settings (e.g. CLIENT_DIR: the hub serves the web client to its workstations). */
  env?: Record<string, string>;
}

/** Starts the hub and resolves once its /health answers. */
export async function startHubProcess(o: HubProcessOptions): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      PORT: String(o.port),
      HOST: '127.0.0.1',
      DATA_DIR: o.dataDir,
      UPSTREAM_URL: o.upstreamUrl,
      UPSTREAM_USERNAME: o.username,
      UPSTREAM_PASSWORD: o.password,
      UPSTREAM_POLL_MS: '200',
      UPSTREAM_TIMEOUT_MS: '2000',
      UPSTREAM_RETRY_MAX_MS: '400',
      HEARTBEAT_MS: '1000',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${o.port}`;
  // A fresh PGlite data directory is initialised on first start: slow on a busy machine.
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited: ${out}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`the hub did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
