// `npm start`: build the web client, start the sync server with the demo
// organisation, and open the desktop window (fetching Electron's binary the
// first time) — or, where that binary cannot be had, say which address to
// open in a browser and how to get the desktop window.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR } from '../electron/build-paths';
import { buildElectron } from './build-electron';
import { runCommand, startChild, stopChild, type RunningChild } from './child-process';
import { ensureElectronBinary } from './electron-binary';
import { electronBinaryDeps } from './electron-installer';
import {
  browserFallbackMessage,
  electronArgs,
  electronEnv,
  serverAddress,
  serverEnv,
  signalExitCode,
} from './start-plan';
import { startServerChild } from './server-child';
import { probeHealth, waitForHealth } from './wait-for-health';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const HEALTH_TIMEOUT_MS = 120_000;

const children: RunningChild[] = [];
let stopping = false;

async function shutdown(code: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<never> {
  if (!stopping) {
    stopping = true;
    // The desktop window first, so it never sees its server vanish under it.
    for (const child of [...children].reverse()) await stopChild(child, signal);
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // tsx relays the terminal's signal too, so it may arrive twice.
    if (!stopping) console.log(`\nStopping (${signal})…`);
    void shutdown(signalExitCode(signal), signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  });
}

async function main(): Promise<void> {
  const address = serverAddress(process.env);

  console.log('Building the web client…');
  // vite's "exports" hide its bin; its package.json is exported and sits beside it.
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const viteConfig = path.join(root, 'renderer/vite.config.ts');
  if (!existsSync(viteConfig)) throw new Error('renderer/vite.config.ts is missing; the web client cannot be built');
  const buildCode = await runCommand('vite build', process.execPath, [viteBin, 'build', '--config', viteConfig], { cwd: root });
  if (buildCode !== 0) throw new Error(`building the web client failed (exit code ${buildCode})`);
  const clientDir = path.join(root, RENDERER_DIR);
  if (!existsSync(path.join(clientDir, 'index.html'))) throw new Error(`the web client build did not produce ${RENDERER_DIR}/index.html`);

  const desktop = await ensureElectronBinary(electronBinaryDeps(root, process.env, (line) => console.log(line)));
  if (desktop.kind === 'electron') {
    console.log('Building the desktop shell…');
    await buildElectron(root);
  }

  if (await probeHealth(address.url)) {
    throw new Error(`something already answers at ${address.url}; stop it or choose another PORT`);
  }

  console.log(`Starting the sync server on ${address.url}…`);
  const server = startServerChild(root, serverEnv(process.env, clientDir));
  children.push(server);
  let serverExit: string | undefined;
  void server.exited.then((exit) => {
    serverExit = `the server exited (${exit.signal ?? `code ${exit.code}`})`;
    if (!stopping) {
      console.error(`Stopping: ${serverExit}.`);
      void shutdown(exit.code === 0 || exit.code === null ? 1 : exit.code);
    }
  });
  await waitForHealth(address.url, { timeoutMs: HEALTH_TIMEOUT_MS, giveUp: () => serverExit });
  console.log(`The sync server is ready at ${address.url}.`);

  if (desktop.kind === 'browser') {
    console.log(browserFallbackMessage(address, desktop.reason, desktop.advice));
    return;
  }

  console.log('Opening the desktop window…');
  const electron = startChild('electron', desktop.binary, electronArgs(root, address.url), { cwd: root, env: electronEnv(process.env) });
  children.push(electron);
  const exit = await electron.exited;
  if (!stopping) {
    console.log('The desktop window closed; stopping the server.');
    await shutdown(exit.code ?? 0);
  }
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
