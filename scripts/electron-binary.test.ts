import { describe, expect, it } from 'vitest';
import { ensureElectronBinary, EXAMPLE_MIRROR, type ElectronBinaryDeps, type InstallerResult } from './electron-binary';

const BINARY = '/app/node_modules/electron/dist/electron';
const INSTALLER = '/app/node_modules/electron/install.js';

/** A stand-in machine: the binary appears only when the installer succeeds. */
function machine(options: { installed?: boolean; installer?: InstallerResult; packagePresent?: boolean; env?: Record<string, string | undefined> } = {}) {
  let installed = options.installed ?? false;
  const runs: Array<{ installer: string; env: Record<string, string | undefined> }> = [];
  const logs: string[] = [];
  const deps: ElectronBinaryDeps = {
    resolveElectron: () => {
      if (!installed) throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
      return BINARY;
    },
    exists: (file) => installed && file === BINARY,
    installerPath: options.packagePresent === false ? undefined : INSTALLER,
    runInstaller: async (installer, env) => {
      runs.push({ installer, env });
      const result = options.installer ?? { ok: true };
      if (result.ok) installed = true;
      return result;
    },
    env: options.env ?? {},
    log: (line) => logs.push(line),
  };
  return { deps, runs, logs };
}

describe('ensureElectronBinary', () => {
  it('uses an installed binary without fetching', async () => {
    const { deps, runs } = machine({ installed: true });
    await expect(ensureElectronBinary(deps)).resolves.toEqual({ kind: 'electron', binary: BINARY });
    expect(runs).toHaveLength(0);
  });

  it('fetches the binary the first time it is needed, through the mirror the user chose', async () => {
    const { deps, runs, logs } = machine({ env: { ELECTRON_MIRROR: EXAMPLE_MIRROR, PATH: '/bin' } });
    await expect(ensureElectronBinary(deps)).resolves.toEqual({ kind: 'electron', binary: BINARY });
    expect(runs).toEqual([{ installer: INSTALLER, env: { ELECTRON_MIRROR: EXAMPLE_MIRROR, PATH: '/bin' } }]);
    expect(logs.join('\n')).toContain(EXAMPLE_MIRROR);
  });

  it('falls back to the browser, saying why and how to get the desktop window, when the host is out of reach', async () => {
    const { deps, runs } = machine({ installer: { ok: false, detail: 'exit code 1' } });
    const decision = await ensureElectronBinary(deps);
    expect(runs).toHaveLength(1);
    expect(decision).toMatchObject({ kind: 'browser', reason: expect.stringContaining("Electron's release host (exit code 1)") });
    expect(decision.advice).toContain(`ELECTRON_MIRROR=${EXAMPLE_MIRROR} npm run fetch:electron`);
  });

  it('falls back when the installer claims success but left no binary', async () => {
    const { deps } = machine({ installer: { ok: true } });
    const broken: ElectronBinaryDeps = { ...deps, exists: () => false };
    const decision = await ensureElectronBinary(broken);
    expect(decision).toMatchObject({ kind: 'browser', advice: expect.stringContaining('npm run fetch:electron') });
  });

  it('does not fetch when the desktop is switched off or the download is skipped on purpose', async () => {
    const off = machine({ env: { HOTLINE_DESK_NO_ELECTRON: '1' } });
    await expect(ensureElectronBinary(off.deps)).resolves.toMatchObject({ kind: 'browser', reason: 'HOTLINE_DESK_NO_ELECTRON=1 is set' });
    const skipped = machine({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    await expect(ensureElectronBinary(skipped.deps)).resolves.toMatchObject({
      kind: 'browser',
      reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD'),
    });
    expect([...off.runs, ...skipped.runs]).toHaveLength(0);
  });

  it('asks for a fresh install when the electron package itself is missing', async () => {
    const { deps, runs } = machine({ packagePresent: false });
    const decision = await ensureElectronBinary(deps);
    expect(runs).toHaveLength(0);
    expect(decision).toMatchObject({ kind: 'browser', advice: expect.stringContaining('npm install') });
  });
});
