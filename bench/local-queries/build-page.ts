import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePage } from '../lib/bundle-page';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the benchmark pages (production mode, as the app ships) into
 * `outDir`: index.html, the data layer alone (page-entry.ts), and grid.html,
 * the renderer's queue grid with its styles (grid-entry.tsx).
 */
export async function buildBenchPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await bundlePage(
    outDir,
    { bench: path.join(here, 'page-entry.ts'), grid: path.join(here, 'grid-entry.tsx') },
    {
      'index.html': '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./bench.js"></script>\n',
      'grid.html':
        '<!doctype html><meta charset="utf-8"><title>loading</title><link rel="stylesheet" href="./grid.css"><div id="root"></div><script type="module" src="./grid.js"></script>\n',
    },
    options,
  );
}
