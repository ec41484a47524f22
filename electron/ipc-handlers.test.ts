import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../shared/platform/channels';
import type { NotificationRequest } from '../shared/platform/ipc-args';
import { createExternalOpener } from './external-links';
import { registerBridgeHandlers, type BridgeBackend } from './ipc-handlers';
import type { SenderFrameLike } from './ipc-sender';
import { createIpcLink } from './test-support/ipc-test-link';
import { createSecretStore } from './secret-store';
import { createDataKeySource } from './data-key';
import { createServerSettings } from './settings';

function memoryFile() {
  let value: unknown;
  return { read: async () => value, write: async (next: unknown) => void (value = next), exists: async () => value !== undefined };
}

function setup(frame: SenderFrameLike | null = { url: 'app://hotline-desk/queue', parent: null }) {
  let currentFrame = frame;
  const link = createIpcLink(() => currentFrame);
  const notified: NotificationRequest[] = [];
  const pending: number[] = [];
  const opened: string[] = [];
  const refused: string[] = [];
  const languages: string[] = [];
  const settings = createServerSettings(memoryFile(), { lanHosts: [], confirm: async () => true });
  const backend: BridgeBackend = {
    appVersion: () => '0.1.0',
    locale: () => 'zh-CN',
    setUiLanguage: async (language) => {
      languages.push(language);
    },
    getServerUrl: () => settings.getServerUrl(),
    setServerUrl: async (url) => ({ serverUrl: await settings.setServerUrl(url), reloadRequired: true }),
    secrets: createSecretStore(memoryFile(), { isAvailable: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' }),
    dataKey: createDataKeySource(memoryFile(), { isAvailable: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' }, (n) => new Uint8Array(n)),
    notify: (request) => {
      notified.push(request);
      return true;
    },
    setPendingCount: (count) => pending.push(count),
    openExternal: createExternalOpener(async (url) => {
      opened.push(url);
    }),
    onRefused: (channel) => refused.push(channel),
  };
  registerBridgeHandlers(link.main, backend);
  const invoke = (channel: string, ...args: unknown[]) => link.renderer.invoke(channel, ...args);
  return { link, invoke, notified, pending, opened, refused, languages, setFrame: (f: SenderFrameLike | null) => (currentFrame = f) };
}

describe('registerBridgeHandlers', () => {
  it('remembers a display language it knows and refuses anything else', async () => {
    const { invoke, languages } = setup();
    await invoke(IPC_CHANNELS.setUiLanguage, 'en');
    await expect(invoke(IPC_CHANNELS.setUiLanguage, '--inspect=9229')).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.setUiLanguage, 42)).rejects.toThrow();
    expect(languages).toEqual(['en']);
  });

  it('registers every bridge channel', () => {
    expect(setup().link.channels().sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('answers the app page', async () => {
    const { invoke, notified, pending, opened } = setup();
    expect(await invoke(IPC_CHANNELS.getAppVersion)).toBe('0.1.0');
    expect(await invoke(IPC_CHANNELS.getLocale)).toBe('zh-CN');
    expect(await invoke(IPC_CHANNELS.getServerUrl)).toBe('http://127.0.0.1:8787');
    expect(await invoke(IPC_CHANNELS.setServerUrl, 'https://sync.example.com/')).toEqual({ serverUrl: 'https://sync.example.com', reloadRequired: true });
    await invoke(IPC_CHANNELS.setSecret, 'sync-token', 't-1');
    expect(await invoke(IPC_CHANNELS.getSecret, 'sync-token')).toBe('t-1');
    expect(await invoke(IPC_CHANNELS.getSecretStorageKind)).toBe('memory');
    expect(await invoke(IPC_CHANNELS.getDataKey)).toEqual({ kind: 'none', reason: 'no-keychain' });
    await invoke(IPC_CHANNELS.deleteSecret, 'sync-token');
    expect(await invoke(IPC_CHANNELS.getSecret, 'sync-token')).toBeNull();
    expect(await invoke(IPC_CHANNELS.notify, { title: 'Due', body: 'C-1', options: { complaintId: 'c1' } })).toBe(true);
    await invoke(IPC_CHANNELS.setPendingCount, 4);
    expect(await invoke(IPC_CHANNELS.openExternal, 'https://example.com/')).toBe(true);
    expect(await invoke(IPC_CHANNELS.openExternal, 'file:///etc/passwd')).toBe(false);
    expect(notified).toEqual([{ title: 'Due', body: 'C-1', options: { complaintId: 'c1' } }]);
    expect(pending).toEqual([4]);
    expect(opened).toEqual(['https://example.com/']);
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a subframe of the app', { url: 'app://hotline-desk/x', parent: { url: 'app://hotline-desk/', parent: null } }],
    ['a destroyed frame', null],
  ])('refuses %s on every channel', async (_label, frame) => {
    const { invoke, refused, pending } = setup(frame);
    for (const channel of Object.values(IPC_CHANNELS)) {
      await expect(invoke(channel, 'sync-token', 'x')).rejects.toThrow('request refused');
    }
    expect(refused.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(pending).toEqual([]);
  });

  it('stops answering once the window has navigated away', async () => {
    const { invoke, setFrame } = setup();
    await invoke(IPC_CHANNELS.setSecret, 'sync-token', 't-1');
    setFrame({ url: 'https://evil.example/', parent: null });
    await expect(invoke(IPC_CHANNELS.getSecret, 'sync-token')).rejects.toThrow('request refused');
  });

  it('refuses malformed arguments', async () => {
    const { invoke, notified, pending } = setup();
    await expect(invoke(IPC_CHANNELS.setPendingCount, -1)).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.setPendingCount, '3')).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.notify, { title: 'x', body: 'y', options: { icon: '/etc/passwd' } })).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.notify, 'just a string')).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.setSecret, 'sync-token', { value: 'x' })).rejects.toThrow();
    await expect(invoke(IPC_CHANNELS.getSecret, '../../etc/passwd')).rejects.toThrow(/secret name/);
    await expect(invoke(IPC_CHANNELS.setServerUrl, 'javascript:alert(1)')).rejects.toThrow(/invalid server address/);
    await expect(invoke(IPC_CHANNELS.openExternal, 12)).rejects.toThrow();
    expect(notified).toEqual([]);
    expect(pending).toEqual([]);
  });
});
