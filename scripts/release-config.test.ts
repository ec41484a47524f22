import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { releaseConfig, UPDATE_URL_ENV } from './release-config';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = async () => JSON.parse(await readFile(path.join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown>;

describe('releaseConfig', () => {
  it('adds an https generic update channel that electron-builder accepts', async () => {
    const plan = releaseConfig(await base(), { [UPDATE_URL_ENV]: 'https://updates.example.com/hotline-desk', CSC_LINK: 'cert.p12' });
    expect(plan.config.publish).toEqual([{ provider: 'generic', url: 'https://updates.example.com/hotline-desk', channel: 'latest' }]);
    expect(plan.notes[0]).toMatch(/signed/);
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    await expect(validateConfiguration(plan.config as Configuration, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds without a channel when none is given, and says what an unsigned build means', async () => {
    const plan = releaseConfig(await base(), {});
    expect(plan.config.publish).toBeUndefined();
    expect(plan.notes.join(' ')).toMatch(/unsigned.*without an update channel/);
    const unsigned = releaseConfig(await base(), { [UPDATE_URL_ENV]: 'https://u.example' });
    expect(unsigned.notes.join(' ')).toMatch(/Windows build will not update itself/);
  });

  it('refuses a plain http feed', async () => {
    expect(() => releaseConfig({}, { [UPDATE_URL_ENV]: 'http://updates.example.com' })).toThrow(/https/);
  });
});
