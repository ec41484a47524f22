import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the typing page (typing-entry.tsx with the app's styles) into `outDir`, in production mode as the app ships. */
export async function buildTypingPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { typing: path.join(here, 'typing-entry.tsx') },
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
  await writeFile(
    path.join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><link rel="stylesheet" href="./typing.css"><div id="root"></div><script type="module" src="./typing.js"></script>\n',
  );
}
