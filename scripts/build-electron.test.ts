import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, TRAY_ICON } from '../electron/build-paths';
import { buildElectron } from './build-electron';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('buildElectron', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'dist-electron-'));
    await buildElectron(root, outDir);
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes main, preload and tray icons', async () => {
    const files = await readdir(outDir);
    expect(files).toEqual(expect.arrayContaining([MAIN_BUNDLE, PRELOAD_BUNDLE, TRAY_ICON, 'tray-icon@2x.png']));
  });

  it('bundles the main process as an ES module that imports only electron and Node built-ins', async () => {
    const main = await readFile(path.join(outDir, MAIN_BUNDLE), 'utf8');
    const imports = [...main.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(imports).toContain('electron');
    for (const specifier of imports) expect(specifier === 'electron' || specifier?.startsWith('node:')).toBe(true);
    expect(main).not.toMatch(/\brequire\(/);
    expect(main).toContain('registerSchemesAsPrivileged');
  });

  it('gives the ES module bundle a require, so bundled CommonJS code can load electron and Node modules', async () => {
    const main = await readFile(path.join(outDir, MAIN_BUNDLE), 'utf8');
    expect(main.startsWith("import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);")).toBe(true);
    // electron-updater is bundled and reaches electron through that require.
    expect(main).toMatch(/__require\("electron"\)/);
  });

  it('bundles the preload as CommonJS requiring nothing but electron', async () => {
    const preload = await readFile(path.join(outDir, PRELOAD_BUNDLE), 'utf8');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).toContain('hotline-desk:get-secret');
  });
});
