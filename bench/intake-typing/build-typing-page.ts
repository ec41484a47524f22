import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePage } from '../lib/bundle-page';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the typing page (typing-entry.tsx with the app's styles) into `outDir`, in production mode as the app ships. */
export async function buildTypingPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await bundlePage(
    outDir,
    { typing: path.join(here, 'typing-entry.tsx') },
    {
      'index.html':
        '<!doctype html><meta charset="utf-8"><title>loading</title><link rel="stylesheet" href="./typing.css"><div id="root"></div><script type="module" src="./typing.js"></script>\n',
    },
    options,
  );
}
