import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bundles a benchmark's browser entries into `outDir` as the app ships
 * (production mode, minified unless asked not to, then keeping names for
 * profiles) and writes its HTML pages (file name → contents).
 */
export async function bundlePage(
  outDir: string,
  entryPoints: Record<string, string>,
  pages: Record<string, string>,
  options: { minify?: boolean } = {},
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints,
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
  for (const [file, html] of Object.entries(pages)) await writeFile(path.join(outDir, file), html);
}
