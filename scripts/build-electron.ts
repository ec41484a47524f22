// Bundles the desktop shell's main process and preload into dist-electron/:
//   npx tsx scripts/build-electron.ts
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_OUT_DIR, MAIN_BUNDLE, PRELOAD_BUNDLE, TRAY_ICON } from '../electron/build-paths';

/** Electron 41 runs Node 24 and Chromium 146; these targets stay below both. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome130';

export function electronBuildOptions(root: string, outDir: string = path.join(root, ELECTRON_OUT_DIR)): { main: BuildOptions; preload: BuildOptions } {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    // Electron provides 'electron' at run time; everything else is bundled, so the package needs no node_modules.
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  return {
    main: {
      ...common,
      entryPoints: [path.join(root, 'electron/main.ts')],
      outfile: path.join(outDir, MAIN_BUNDLE),
      // package.json has "type": "module", so main.js is loaded as an ES module.
      format: 'esm',
      target: NODE_TARGET,
      // CommonJS dependencies (electron-updater) require 'electron' and Node's modules; an ES module has no
      // require of its own, so the bundle makes one, or those calls throw "Dynamic require ... is not supported".
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    },
    preload: {
      ...common,
      entryPoints: [path.join(root, 'electron/preload.ts')],
      outfile: path.join(outDir, PRELOAD_BUNDLE),
      // A sandboxed preload is a CommonJS script that may require only 'electron'.
      format: 'cjs',
      target: [NODE_TARGET, CHROME_TARGET],
    },
  };
}

export const TRAY_ICON_SOURCES = [
  { from: 'build/tray-icon.png', to: TRAY_ICON },
  { from: 'build/tray-icon@2x.png', to: TRAY_ICON.replace(/\.png$/, '@2x.png') },
] as const;

export async function buildElectron(root: string, outDir: string = path.join(root, ELECTRON_OUT_DIR)): Promise<void> {
  const options = electronBuildOptions(root, outDir);
  await Promise.all([build(options.main), build(options.preload)]);
  await mkdir(outDir, { recursive: true });
  for (const icon of TRAY_ICON_SOURCES) await copyFile(path.join(root, icon.from), path.join(outDir, icon.to));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await buildElectron(root);
  console.log(`Built ${ELECTRON_OUT_DIR}/${MAIN_BUNDLE} and ${ELECTRON_OUT_DIR}/${PRELOAD_BUNDLE}`);
}
