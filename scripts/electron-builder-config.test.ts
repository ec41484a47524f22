import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../electron/app-identity';
import { ELECTRON_OUT_DIR, MAIN_BUNDLE, RENDERER_DIR } from '../electron/build-paths';
import { decodeSimplePng } from './png-decode';

const root = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_FILE = 'build/electron-builder.json';

interface TargetEntry {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asar: boolean;
  artifactName: string;
  electronFuses: Record<string, boolean>;
  linux: { target: Array<string | TargetEntry>; icon: string };
  win: { target: Array<string | TargetEntry>; icon: string };
  mac: { target: Array<string | TargetEntry>; icon: string };
  nsis: { artifactName: string; deleteAppDataOnUninstall: boolean };
  deb: { artifactName: string };
  dmg: { artifactName: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  return JSON.parse(await readFile(path.join(root, CONFIG_FILE), 'utf8')) as BuilderConfig;
}

const targetNames = (targets: Array<string | TargetEntry>) => targets.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    // The packager's validator, so a misspelt option fails here rather than on a release machine.
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    const validate = (config: unknown) => validateConfiguration(config as Configuration, new DebugLogger(false));
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
    await expect(validate({ ...(await loadConfig()), fiels: [] })).rejects.toThrow();
  });

  it('uses the identity the main process uses (notifications on Windows depend on it)', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('packages the bundles the build writes and the entry package.json names', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string; type: string };
    expect(pkg.main).toBe(`${ELECTRON_OUT_DIR}/${MAIN_BUNDLE}`);
    // main.js is bundled as an ES module; that only loads as such under "type": "module".
    expect(pkg.type).toBe('module');
    expect(config.files).toEqual(expect.arrayContaining([`${ELECTRON_OUT_DIR}/**/*`, `${RENDERER_DIR}/**/*`, 'package.json']));
    // Everything is bundled: no node_modules (the server's dependencies) in the installer.
    expect(config.files).toContain('!**/node_modules/**');
    expect(config.asar).toBe(true);
  });

  it('agrees with the renderer build on where the renderer lands', async () => {
    const viteConfig = path.join(root, 'renderer/vite.config.ts');
    const source = await readFile(viteConfig, 'utf8');
    expect(source).toContain(`../${RENDERER_DIR}`);
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', async () => {
    const config = await loadConfig();
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
  });

  it('names every artifact distinctly, with version and extension', async () => {
    const config = await loadConfig();
    const names = [config.artifactName, config.nsis.artifactName, config.deb.artifactName, config.dmg.artifactName];
    for (const name of names) {
      expect(name).toContain('${version}');
      expect(name).toContain('${ext}');
      expect(name).not.toContain(' ');
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('points at icons that exist, with a 512 px source', async () => {
    const config = await loadConfig();
    expect(existsSync(path.join(root, config.directories.buildResources))).toBe(true);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(path.join(root, icon))).toBe(true);
    const source = decodeSimplePng(await readFile(path.join(root, 'build/icon.png')));
    expect([source.width, source.height]).toEqual([512, 512]);
  });

  it('locks down the Electron binary and keeps user data on uninstall', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Unsynced complaints live in the user data folder; an uninstall must never take them.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });
});
