import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcessOptions {
  port?: number;
  /** Embedded PGlite directory; ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  databaseSchema?: string;
  seedDemo?: boolean;
  env?: Record<string, string>;
  /** Echo the server's output (debugging). */
  verbose?: boolean;
  /** Write a V8 CPU profile of the server into this folder when it stops (node --cpu-prof). */
  cpuProfileDir?: string;
  /** How long to wait for /health (60 s): a first start creates and migrates the database, slow on a loaded machine. */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The server's stderr and stdout so far (for failure reports). */
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL: no clean shutdown, as a crash or power cut. */
  kill(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${output().slice(-4000)}`);
}

/** Starts `server/main.ts` as its own process, the way `npm run server` does. */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: options.seedDemo === false ? '0' : '1',
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.databaseSchema) env.DATABASE_SCHEMA = options.databaseSchema;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  // One process (node with tsx's loader), not the tsx launcher: SIGKILL must hit the server itself.
  const profileArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profileArgs, '--import', 'tsx', path.join(REPO_ROOT, 'server/main.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A benchmark or chaos run that ends or is interrupted takes its server with it.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 60_000, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return { url, port, child, output: () => log, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
