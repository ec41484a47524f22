import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startChild, stopChild } from './child-process';
import type { ElectronBinaryDeps, InstallerResult } from './electron-binary';

/** An unreachable host can leave a connection hanging for minutes; a download over a slow link still fits. */
export const INSTALLER_TIMEOUT_MS = 10 * 60_000;

/** The real OS calls behind `ensureElectronBinary`, for a project rooted at `root`. */
export function electronBinaryDeps(root: string, env: Readonly<Record<string, string | undefined>>, log: (line: string) => void): ElectronBinaryDeps {
  const require = createRequire(path.join(root, 'package.json'));
  return {
    resolveElectron: () => {
      // index.js reads path.txt when loaded; load it afresh after a fetch.
      const entry = require.resolve('electron');
      delete require.cache[entry];
      return require(entry) as unknown;
    },
    exists: existsSync,
    installerPath: installerOf(require),
    runInstaller: (installer, childEnv) => runInstaller(installer, childEnv),
    env,
    log,
  };
}

function installerOf(require: NodeJS.Require): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return undefined;
  }
}

/** Runs electron's install.js in this Node; it downloads (honouring ELECTRON_MIRROR), checks the checksum and unpacks. */
export async function runInstaller(installer: string, env: Record<string, string | undefined>, timeoutMs = INSTALLER_TIMEOUT_MS): Promise<InstallerResult> {
  const child = startChild('electron install', process.execPath, [installer], { cwd: path.dirname(installer), env });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (first === 'timeout') {
    await stopChild(child, 'SIGTERM', 2_000);
    return { ok: false, detail: `no answer within ${Math.round(timeoutMs / 60_000)} min` };
  }
  if (first.code === 0) return { ok: true };
  return { ok: false, detail: first.signal !== null ? `stopped by ${first.signal}` : `exit code ${first.code}` };
}
