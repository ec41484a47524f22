import { describe, expect, it } from 'vitest';
import { parseUpdateChannel, planUpdates, startAutoUpdates, type UpdaterLike } from './auto-update';

const SIGNED_YML = `provider: generic
url: https://updates.example.com/hotline-desk
publisherName:
  - "Example Contact Centre Ltd"
updaterCacheDirName: hotline-desk-updater
`;

describe('parseUpdateChannel', () => {
  it('reads the feed and the publisher names electron-builder writes', () => {
    expect(parseUpdateChannel(SIGNED_YML)).toEqual({
      provider: 'generic',
      url: 'https://updates.example.com/hotline-desk',
      publisherName: ['Example Contact Centre Ltd'],
    });
    expect(parseUpdateChannel('url: https://u.example\npublisherName: One Ltd\n')?.publisherName).toEqual(['One Ltd']);
    expect(parseUpdateChannel('provider: generic\nurl: https://u.example\n')?.publisherName).toEqual([]);
    expect(parseUpdateChannel(null)).toBeNull();
  });
});

describe('planUpdates', () => {
  const signed = parseUpdateChannel(SIGNED_YML);
  const unsigned = parseUpdateChannel('provider: generic\nurl: https://updates.example.com/hotline-desk\n');

  it('updates a signed Windows build and a macOS build from an https feed', () => {
    expect(planUpdates({ platform: 'win32', isPackaged: true, channel: signed })).toMatchObject({ enabled: true });
    expect(planUpdates({ platform: 'darwin', isPackaged: true, channel: unsigned })).toMatchObject({ enabled: true });
  });

  it('stays off where no signature would be checked, for development runs and without a channel', () => {
    expect(planUpdates({ platform: 'win32', isPackaged: true, channel: unsigned })).toMatchObject({ enabled: false, reason: expect.stringContaining('unsigned') });
    expect(planUpdates({ platform: 'linux', isPackaged: true, channel: signed })).toMatchObject({ enabled: false, reason: expect.stringContaining('Linux') });
    expect(planUpdates({ platform: 'win32', isPackaged: false, channel: signed })).toMatchObject({ enabled: false });
    expect(planUpdates({ platform: 'win32', isPackaged: true, channel: null })).toMatchObject({ enabled: false });
    const plain = parseUpdateChannel(SIGNED_YML.replace('https://', 'http://'));
    expect(planUpdates({ platform: 'win32', isPackaged: true, channel: plain })).toMatchObject({ enabled: false, reason: expect.stringContaining('https') });
    const other = parseUpdateChannel(SIGNED_YML.replace('generic', 's3'));
    expect(planUpdates({ platform: 'win32', isPackaged: true, channel: other })).toMatchObject({ enabled: false });
  });
});

function fakeUpdater() {
  const listeners = new Map<string, (arg: never) => void>();
  let checks = 0;
  const updater: UpdaterLike & { emit(event: string, arg: unknown): void; checks(): number } = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: async () => {
      checks += 1;
      if (checks === 2) throw new Error('offline');
      return null;
    },
    on: (event: string, listener: (arg: never) => void) => listeners.set(event, listener),
    emit: (event, arg) => listeners.get(event)?.(arg as never),
    checks: () => checks,
  };
  return updater;
}

describe('startAutoUpdates', () => {
  it('downloads in the background, installs on quit, checks now and on an interval, and logs failures', async () => {
    const updater = fakeUpdater();
    const logs: string[] = [];
    const downloaded: string[] = [];
    let every: { task: () => void; ms: number } | undefined;
    const started = startAutoUpdates({
      updater,
      plan: planUpdates({ platform: 'darwin', isPackaged: true, channel: parseUpdateChannel(SIGNED_YML) }),
      log: (m) => logs.push(m),
      onDownloaded: (v) => downloaded.push(v),
      setInterval: (task, ms) => (every = { task, ms }),
    });
    expect(started).toBe(true);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(updater.checks()).toBe(1);
    expect(every?.ms).toBe(4 * 3_600_000);
    every?.task();
    await new Promise((r) => setTimeout(r, 0));
    expect(logs).toContain('Update check failed: offline');
    updater.emit('update-downloaded', { version: '1.2.3' });
    updater.emit('error', new Error('not signed by the application owner'));
    expect(downloaded).toEqual(['1.2.3']);
    expect(logs.at(-1)).toMatch(/not signed/);
  });

  it('touches nothing when the plan says no', () => {
    const updater = fakeUpdater();
    const logs: string[] = [];
    expect(startAutoUpdates({ updater, plan: { enabled: false, reason: 'unsigned build' }, log: (m) => logs.push(m), onDownloaded: () => undefined, setInterval: () => undefined })).toBe(false);
    expect(updater.checks()).toBe(0);
    expect(updater.autoDownload).toBe(false);
    expect(logs).toEqual(['Automatic updates off: unsigned build']);
  });
});
