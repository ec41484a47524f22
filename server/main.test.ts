import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, storageKinds } from './test-support/harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'hotline-server-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Run {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** The CLI as `npm run server` runs it (tsx server/main.ts), as a child process. */
function run(args: string[], env: Record<string, string>, stdin?: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (err += String(d)));
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitFor(check: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Each test starts the server program (tsx, then PGlite and its migrations): on a loaded CI machine that
// took longer than the suite's 30 s, while the listening wait below allows 60 s.
describe('server CLI', { timeout: 120_000 }, () => {
  it('create-user (password from the environment), then start, serve, and stop on SIGTERM', async () => {
    const dataDir = tempDir();
    const create = run(['create-user', '--username', 'boss', '--role', 'director', '--display-name', '总监'], {
      DATA_DIR: dataDir,
      HOTLINE_PASSWORD: 'a-strong-password',
    });
    expect(await create.exit, create.stderr()).toBe(0);
    expect(create.stdout()).toContain('Created director boss');

    const server = run([], { DATA_DIR: dataDir, PORT: '0', SEED_DEMO: '1' });
    try {
      await waitFor(() => /"url":"http:\/\/[^"]+"/.test(server.stdout()) || server.child.exitCode !== null, 60_000, 'listening');
      const url = /"url":"(http:\/\/[^"]+)"/.exec(server.stdout())?.[1] as string;
      expect(url, server.stderr()).toBeTruthy();
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', storage: 'pglite', version: expect.any(String) });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'boss', password: 'a-strong-password' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      // The database was not empty, so no demo users were created.
      const demo = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent.gz', password: 'demo1234' }),
      });
      expect(demo.status).toBe(401);
      // Logs carry neither tokens nor passwords.
      expect(server.stdout()).not.toContain(token);
      expect(server.stdout()).not.toContain('a-strong-password');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
  });

  it('exits non-zero with a clear message when the port is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const r = run([], { DATA_DIR: tempDir(), PORT: String(port) });
      expect(await r.exit).not.toBe(0);
      expect(r.stderr()).toMatch(/port is already in use/);
    } finally {
      blocker.close();
    }
  });

  it('exits non-zero on bad configuration and an unreachable database, naming no password', async () => {
    const badPort = run([], { PORT: 'eighty' });
    expect(await badPort.exit).not.toBe(0);
    expect(badPort.stderr()).toMatch(/Configuration error: PORT/);
    const unreachable = run([], { DATABASE_URL: 'postgres://someone:s3cret@127.0.0.1:1/nothing' });
    expect(await unreachable.exit).not.toBe(0);
    expect(unreachable.stderr()).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
    expect(unreachable.stderr()).not.toContain('s3cret');
    const badCommand = run(['frobnicate'], {});
    expect(await badCommand.exit).not.toBe(0);
  });

  it.runIf(storageKinds().includes('postgres'))('create-user on PostgreSQL reads the password from stdin', async () => {
    const t = await startTestServer('postgres');
    try {
      const r = run(
        ['create-user', '--username', 'agent.new', '--role', 'agent', '--branch', 'dg', '--team', 'dg-t1', '--job-number', '2002'],
        { DATABASE_URL: process.env.DATABASE_URL as string, DATABASE_SCHEMA: t.schema as string },
        'stdin-password-1\n',
      );
      expect(await r.exit, r.stderr()).toBe(0);
      const api = new ApiClient(t.server);
      const { user } = await api.login('agent.new', 'stdin-password-1');
      expect(user).toMatchObject({ role: 'agent', branchId: 'dg', teamId: 'dg-t1' });
      const refused = run(['create-user', '--username', 'weak', '--role', 'agent', '--branch', 'dg'], {
        DATABASE_URL: process.env.DATABASE_URL as string,
        DATABASE_SCHEMA: t.schema as string,
        HOTLINE_PASSWORD: 'short',
      });
      expect(await refused.exit).not.toBe(0);
      expect(refused.stderr()).toMatch(/password/);
    } finally {
      await t.cleanup();
    }
  });
});
