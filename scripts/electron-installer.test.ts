import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInstaller } from './electron-installer';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'electron-installer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, body);
  return file;
}

describe('runInstaller', () => {
  it('passes the environment (the mirror) to the installer and reports success', async () => {
    const installer = await script('ok.cjs', "process.exit(process.env.ELECTRON_MIRROR === 'https://mirror.example/' ? 0 : 3);");
    await expect(runInstaller(installer, { ELECTRON_MIRROR: 'https://mirror.example/' })).resolves.toEqual({ ok: true });
    await expect(runInstaller(installer, {})).resolves.toEqual({ ok: false, detail: 'exit code 3' });
  });

  it('gives up on an installer that hangs (an unreachable host that never answers)', async () => {
    const installer = await script('hang.cjs', 'setInterval(() => {}, 1000);');
    const result = await runInstaller(installer, {}, 300);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/no answer within/);
  });
});

describe('npm install', () => {
  it('does not run the electron package’s download (denied in allowScripts), so an unreachable host cannot fail it', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.allowScripts?.electron).toBe(false);
    // Still installed for its type definitions (typecheck) and its version (electron-builder).
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.dist?.startsWith('tsx scripts/fetch-electron.ts && ')).toBe(true);
  });
});
