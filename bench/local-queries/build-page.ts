import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the benchmark page (production mode, as the app ships) into `outDir`. */
export async function buildBenchPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'page-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    keepNames: options.minify === false,
    outfile: path.join(outDir, 'bench.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await writeFile(path.join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./bench.js"></script>\n');
}
