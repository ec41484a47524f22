import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFile } from './json-file';

describe('createJsonFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'json-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, creating the folder', async () => {
    const file = createJsonFile(path.join(dir, 'nested', 'settings.json'));
    expect(await file.read()).toBeUndefined();
    await file.write({ serverUrl: 'http://127.0.0.1:8787' });
    expect(await file.read()).toEqual({ serverUrl: 'http://127.0.0.1:8787' });
    await file.write({ serverUrl: 'https://sync.example.com' });
    expect(await file.read()).toEqual({ serverUrl: 'https://sync.example.com' });
    expect(await readdir(path.join(dir, 'nested'))).toEqual(['settings.json']);
  });

  it('keeps the file private to the user', async () => {
    const target = path.join(dir, 'secrets.json');
    await createJsonFile(target).write({});
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('treats unreadable JSON as absent', async () => {
    const target = path.join(dir, 'broken.json');
    await writeFile(target, '{"half');
    expect(await createJsonFile(target).read()).toBeUndefined();
  });

  it('tells a missing file from one it cannot read', async () => {
    const target = path.join(dir, 'data-key.json');
    expect(await createJsonFile(target).exists()).toBe(false);
    await writeFile(target, '{"half');
    expect(await createJsonFile(target).exists()).toBe(true);
  });
});
