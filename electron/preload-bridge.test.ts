import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, OPEN_COMPLAINT_EVENT, SCREEN_POP_EVENT } from '../shared/platform/channels';
import { registerBridgeHandlers } from './ipc-handlers';
import { createIpcLink } from './test-support/ipc-test-link';
import { createPreloadBridge } from './preload-bridge';
import { createSecretStore } from './secret-store';
import { createDataKeySource } from './data-key';
import { fakeCipher } from './test-support/fake-keychain';

function memoryFile() {
  let value: unknown;
  return { read: async () => value, write: async (next: unknown) => void (value = next), exists: async () => value !== undefined };
}

describe('createPreloadBridge', () => {
  it('reaches the main handlers through fixed channels', async () => {
    const link = createIpcLink(() => ({ url: 'app://hotline-desk/', parent: null }));
    const calls: string[] = [];
    registerBridgeHandlers(link.main, {
      appVersion: () => '0.1.0',
      locale: () => 'en-US',
      setUiLanguage: async (language) => {
        calls.push(`language ${language}`);
      },
      getServerUrl: async () => 'http://127.0.0.1:8787',
      setServerUrl: async (url) => ({ serverUrl: url, reloadRequired: true }),
      secrets: createSecretStore(memoryFile(), {
        isAvailable: () => true,
        encrypt: (s) => new TextEncoder().encode(s.split('').reverse().join('')),
        decrypt: (b) => new TextDecoder().decode(b).split('').reverse().join(''),
      }),
      dataKey: createDataKeySource(memoryFile(), fakeCipher(), (n) => new Uint8Array(n).fill(7)),
      notify: (request) => {
        calls.push(`notify ${request.title}/${request.body}/${request.options?.complaintId}`);
        return true;
      },
      setPendingCount: (n) => calls.push(`pending ${n}`),
      openExternal: async (url) => {
        calls.push(`open ${url}`);
        return true;
      },
    });
    const bridge = createPreloadBridge(link.renderer);

    expect(bridge.kind).toBe('electron');
    expect(await bridge.getAppVersion()).toBe('0.1.0');
    expect(await bridge.getLocale()).toBe('en-US');
    await bridge.setUiLanguage('zh-CN');
    expect(await bridge.getServerUrl()).toBe('http://127.0.0.1:8787');
    expect(await bridge.setServerUrl('https://sync.example.com')).toEqual({ serverUrl: 'https://sync.example.com', reloadRequired: true });
    await bridge.setSecret('sync-token', 'abc');
    expect(await bridge.getSecret('sync-token')).toBe('abc');
    expect(await bridge.getSecretStorageKind()).toBe('encrypted-disk');
    expect(await bridge.getDataKey()).toEqual({ kind: 'os-keychain', key: Buffer.alloc(32, 7).toString('base64') });
    await bridge.deleteSecret('sync-token');
    expect(await bridge.getSecret('sync-token')).toBeNull();
    expect(await bridge.notify('Due', 'C-1', { complaintId: 'c-1' })).toBe(true);
    expect(await bridge.notify('Due', 'C-2')).toBe(true);
    await bridge.setPendingCount(7);
    expect(await bridge.openExternal('https://example.com/')).toBe(true);
    expect(calls).toEqual(['language zh-CN', 'notify Due/C-1/c-1', 'notify Due/C-2/undefined', 'pending 7', 'open https://example.com/']);
  });

  it('forwards only the complaint id of an open-complaint message, until unsubscribed', () => {
    const link = createIpcLink(() => null);
    const bridge = createPreloadBridge(link.renderer);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onOpenComplaint((...args: unknown[]) => received.push(args));
    link.send(OPEN_COMPLAINT_EVENT, 'c-9');
    link.send(OPEN_COMPLAINT_EVENT, { not: 'a string' });
    unsubscribe();
    link.send(OPEN_COMPLAINT_EVENT, 'c-10');
    expect(received).toEqual([['c-9']]);
  });

  it('uses no channel outside the bridge list', async () => {
    const used: string[] = [];
    const bridge = createPreloadBridge({
      invoke: async (channel) => {
        used.push(channel);
        return null;
      },
      on: () => undefined,
      removeListener: () => undefined,
    });
    for (const [name, value] of Object.entries(bridge)) {
      if (typeof value === 'function' && name !== 'onOpenComplaint') await (value as (...a: unknown[]) => Promise<unknown>)('x', 'y');
    }
    expect(new Set(used)).toEqual(new Set(Object.values(IPC_CHANNELS)));
  });

  it('keeps a call that arrives before the shell listens, and passes later ones straight on', () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const bridge = createPreloadBridge({
      invoke: async () => undefined,
      on: (channel, listener) => handlers.set(channel, listener),
      removeListener: () => undefined,
    });
    const send = (query: unknown) => handlers.get(SCREEN_POP_EVENT)?.({}, query);
    send('ani=13800138000&serial=C-1');
    send(42);
    const got: string[] = [];
    const off = bridge.onScreenPop((q) => got.push(q));
    send('ani=13900139000');
    off();
    send('ani=13700137000');
    expect(got).toEqual(['ani=13800138000&serial=C-1', 'ani=13900139000']);
  });
});
