import type { BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * The origin the benchmark pages load from. IndexedDB belongs to an origin,
 * so a replica cached between runs is only found again under the same one:
 * the pages are served by the browser context itself (no listening port to
 * collide), always at this address unless a cached replica names another.
 */
export const DEFAULT_PAGE_ORIGIN = 'http://127.0.0.1:47613';

/** Answers every request to `origin` from the files of `dir` (IndexedDB needs a real http origin, not file://). */
export async function routeFolder(context: BrowserContext, origin: string, dir: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const name = pathname === '/' ? 'index.html' : path.basename(pathname);
    try {
      const body = await readFile(path.join(dir, name));
      await route.fulfill({ status: 200, contentType: TYPES[path.extname(name)] ?? 'application/octet-stream', body });
    } catch {
      await route.fulfill({ status: 404, body: '' });
    }
  });
}
