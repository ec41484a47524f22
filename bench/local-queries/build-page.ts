import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the benchmark pages (production mode, as the app ships) into
 * `outDir`: index.html, the data layer alone (page-entry.ts), and grid.html,
 * the renderer's queue grid with its styles (grid-entry.tsx).
 */
export async function buildBenchPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { bench: path.join(here, 'page-entry.ts'), grid: path.join(here, 'grid-entry.tsx') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: options.minify ?? true,
    keepNames: options.minify === false,
    outdir: outDir,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await writeFile(path.join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./bench.js"></script>\n');
  await writeFile(
    path.join(outDir, 'grid.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><link rel="stylesheet" href="./grid.css"><div id="root"></div><script type="module" src="./grid.js"></script>\n',
  );
}
