// `npm run dev`: the sync server with the demo organisation (PGlite in
// .data/dev), the web client from Vite's dev server with hot reload, proxying
// the API to that server, and — where Electron's binary is already installed —
// the desktop shell against the same server. Ctrl+C stops them all.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR } from '../electron/build-paths';
import { buildElectron } from './build-electron';
import { runCommand, startChild, stopChild, type RunningChild } from './child-process';
import { devServerEnv, viteDevArgs, viteDevEnv, viteOrigin } from './dev-plan';
import { startServerChild } from './server-child';
import { desktopDecision, electronArgs, electronEnv, serverAddress, signalExitCode } from './start-plan';
import { probeHealth, waitForHealth } from './wait-for-health';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const HEALTH_TIMEOUT_MS = 120_000;

const children: RunningChild[] = [];
let stopping = false;
let stopped: Promise<void> | undefined;

/**
 * Stops the children once, last started first. A second call (the terminal's
 * Ctrl+C reaches Vite too, whose exit may be seen before the signal is) waits
 * for that same stop instead of exiting with the server still running.
 */
async function shutdown(code: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<never> {
  stopping = true;
  stopped ??= (async () => {
    for (const child of [...children].reverse()) await stopChild(child, signal);
  })();
  await stopped;
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nStopping (${signal})…`);
    void shutdown(signalExitCode(signal), signal);
  });
}

/**
 * Any child ending on its own ends the loop: a half-running dev setup only
 * misleads. Closing the desktop window is a clean end; anything else is not.
 */
function stopWhenExited(child: RunningChild, cleanWhenZero = false): void {
  void child.exited.then((exit) => {
    if (stopping) return;
    console.error(`Stopping: ${child.name} exited (${exit.signal ?? `code ${exit.code}`}).`);
    void shutdown(exit.code === 0 ? (cleanWhenZero ? 0 : 1) : (exit.code ?? 1));
  });
}

async function main(): Promise<void> {
  const address = serverAddress(process.env);
  const vite = viteOrigin(process.env);
  if (await probeHealth(address.url)) {
    throw new Error(`something already answers at ${address.url}; stop it or choose another PORT`);
  }

  console.log(`Starting the sync server on ${address.url}…`);
  const server = startServerChild(root, devServerEnv(process.env, vite.origin));
  children.push(server);
  let serverExit: string | undefined;
  void server.exited.then((exit) => (serverExit = `the server exited (${exit.signal ?? `code ${exit.code}`})`));
  stopWhenExited(server);
  await waitForHealth(address.url, { timeoutMs: HEALTH_TIMEOUT_MS, giveUp: () => serverExit });

  // vite's "exports" hide its bin; its package.json is exported and sits beside it.
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const viteConfig = path.join(root, 'renderer/vite.config.ts');
  const viteChild = startChild('vite', process.execPath, viteDevArgs(viteBin, viteConfig, vite.port), {
    cwd: root,
    env: viteDevEnv(process.env, address.url),
  });
  children.push(viteChild);
  stopWhenExited(viteChild);
  console.log(`Open ${vite.origin} (hot reload; demo users such as agent.gz, password demo1234). Press Ctrl+C to stop.`);

  // Only an installed binary: dev never downloads Electron (`npm run fetch:electron` does).
  const desktop = desktopDecision(() => require('electron'), existsSync, process.env);
  if (desktop.kind === 'browser') {
    console.log(`No desktop window: ${desktop.reason}.`);
    return;
  }
  // The shell loads the built client from app://, so build it once if it is missing.
  if (!existsSync(path.join(root, RENDERER_DIR, 'index.html'))) {
    const code = await runCommand('vite build', process.execPath, [viteBin, 'build', '--config', viteConfig], { cwd: root });
    if (code !== 0) throw new Error(`building the web client failed (exit code ${code})`);
  }
  console.log('Building the desktop shell…');
  await buildElectron(root);
  const electron = startChild('electron', desktop.binary, electronArgs(root, address.url), { cwd: root, env: electronEnv(process.env) });
  children.push(electron);
  stopWhenExited(electron, true);
}

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
