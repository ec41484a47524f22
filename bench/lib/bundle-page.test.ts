import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundlePage } from './bundle-page';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function entry(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundle-page-'));
  dirs.push(dir);
  const file = path.join(dir, 'entry.ts');
  await writeFile(file, 'function greetTheCaller(name: string) { return process.env.NODE_ENV + " " + name; }\nconsole.log(greetTheCaller("x"));\n');
  return { dir, file };
}

describe('bundlePage', () => {
  it('bundles each entry as production code and writes the pages', async () => {
    const { dir, file } = await entry();
    const out = path.join(dir, 'out');
    await bundlePage(out, { page: file }, { 'index.html': '<script type="module" src="./page.js"></script>\n' });
    const js = await readFile(path.join(out, 'page.js'), 'utf8');
    expect(js).toContain('production');
    expect(js).not.toContain('process.env');
    expect(js).not.toContain('greetTheCaller');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<script type="module" src="./page.js"></script>\n');
  });

  it('keeps names unminified, for profiles', async () => {
    const { dir, file } = await entry();
    const out = path.join(dir, 'out');
    await bundlePage(out, { page: file }, {}, { minify: false });
    expect(await readFile(path.join(out, 'page.js'), 'utf8')).toContain('greetTheCaller');
  });
});
