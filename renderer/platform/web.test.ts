import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { WEB_STORAGE_KEYS, createWebBridge, type WebEnvironment, type WebNotificationApi } from './web';
import { serverChangeRefusal } from '../../shared/platform/server-change-refusal';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

interface Shown {
  title: string;
  options: NotificationOptions | undefined;
  instance: { onclick: ((ev: Event) => unknown) | null; closed: boolean };
}

function fakeNotificationApi(initial: NotificationPermission, answer: NotificationPermission = initial) {
  const shown: Shown[] = [];
  let permission = initial;
  let asked = 0;
  class FakeNotification {
    static get permission() {
      return permission;
    }
    static async requestPermission() {
      asked += 1;
      permission = answer;
      return answer;
    }
    onclick: ((ev: Event) => unknown) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
    close() {
      this.closed = true;
    }
  }
  return { api: FakeNotification as unknown as WebNotificationApi, shown, asked: () => asked };
}

function makeEnv(overrides: Partial<WebEnvironment> = {}) {
  const opened: Array<[string, string, string]> = [];
  let focused = 0;
  const env: WebEnvironment = {
    location: { origin: 'http://127.0.0.1:8787' },
    sessionStorage: new MemoryStorage(),
    localStorage: new MemoryStorage(),
    navigator: { language: 'en-US', languages: ['zh-CN', 'en-US'] },
    indexedDB: new IDBFactory(),
    open: (url, target, features) => {
      opened.push([url, target, features]);
      return null;
    },
    focus: () => {
      focused += 1;
    },
    ...overrides,
  };
  return { env, opened, focused: () => focused };
}

const options = { appVersion: '1.2.3' };

describe('web bridge', () => {
  it('identifies itself and reports version and locale', async () => {
    const bridge = createWebBridge(makeEnv().env, options);
    expect(bridge.kind).toBe('web');
    expect(await bridge.getAppVersion()).toBe('1.2.3');
    expect(await bridge.getLocale()).toBe('zh-CN');
    const bare = createWebBridge(makeEnv({ navigator: {} }).env, options);
    expect(await bare.getLocale()).toBe('zh-CN');
    const english = createWebBridge(makeEnv({ navigator: { language: 'en-GB' } }).env, options);
    expect(await english.getLocale()).toBe('en-GB');
  });

  it('talks to its own origin until another server is configured', async () => {
    const { env } = makeEnv();
    const bridge = createWebBridge(env, options);
    expect(await bridge.getServerUrl()).toBe('http://127.0.0.1:8787');
    expect(await bridge.setServerUrl('https://sync.example.com/')).toEqual({ serverUrl: 'https://sync.example.com', reloadRequired: false });
    expect(await bridge.getServerUrl()).toBe('https://sync.example.com');
    expect(env.localStorage.getItem(WEB_STORAGE_KEYS.serverUrl)).toBe('https://sync.example.com');
    // The setting outlives the bridge (a new page load).
    expect(await createWebBridge(env, options).getServerUrl()).toBe('https://sync.example.com');
  });

  it('uses a configured default, and ignores a corrupted saved address', async () => {
    const { env } = makeEnv();
    env.localStorage.setItem(WEB_STORAGE_KEYS.serverUrl, 'javascript:alert(1)');
    const bridge = createWebBridge(env, { ...options, defaultServerUrl: 'http://10.0.0.5:8787/' });
    expect(await bridge.getServerUrl()).toBe('http://10.0.0.5:8787');
  });

  it('refuses a server address that is not http(s)', async () => {
    const { env } = makeEnv();
    const bridge = createWebBridge(env, options);
    await expect(bridge.setServerUrl('file:///etc')).rejects.toThrow(/invalid server address/);
    expect(env.localStorage.getItem(WEB_STORAGE_KEYS.serverUrl)).toBeNull();
  });

  it('refuses plain http to a host other than this computer, the page’s own server or the LAN list', async () => {
    const { env } = makeEnv();
    const bridge = createWebBridge(env, { ...options, lanHosts: ['hub.gz.local'] });
    await expect(bridge.setServerUrl('http://sync.example.com')).rejects.toThrow(/https/);
    expect(serverChangeRefusal(await bridge.setServerUrl('http://sync.example.com').catch((e: unknown) => e))).toBe('plain_http');
    expect(await bridge.setServerUrl('http://hub.gz.local:8787')).toMatchObject({ serverUrl: 'http://hub.gz.local:8787' });
    env.localStorage.setItem(WEB_STORAGE_KEYS.serverUrl, 'http://sync.example.com');
    expect(await bridge.getServerUrl()).toBe(await createWebBridge(env, options).getServerUrl());
    expect(await bridge.getServerUrl()).not.toBe('http://sync.example.com');
  });

  it('keeps secrets in sessionStorage only', async () => {
    const { env } = makeEnv();
    const bridge = createWebBridge(env, options);
    expect(await bridge.getSecret('sync-token')).toBeNull();
    await bridge.setSecret('sync-token', 'tok-1');
    expect(await bridge.getSecret('sync-token')).toBe('tok-1');
    expect(env.sessionStorage.getItem(`${WEB_STORAGE_KEYS.secretPrefix}sync-token`)).toBe('tok-1');
    expect((env.localStorage as MemoryStorage).items.size).toBe(0);
    expect(await bridge.getSecretStorageKind()).toBe('session');
    const key = await bridge.getDataKey();
    expect(key.kind).toBe('browser');
    expect(await bridge.getDataKey()).toEqual(key);
    await bridge.deleteSecret('sync-token');
    expect(await bridge.getSecret('sync-token')).toBeNull();
  });

  it('refuses bad secret names and oversized values', async () => {
    const bridge = createWebBridge(makeEnv().env, options);
    await expect(bridge.getSecret('../x')).rejects.toThrow(/secret name/);
    await expect(bridge.setSecret('Token', 'x')).rejects.toThrow(/secret name/);
    await expect(bridge.setSecret('sync-token', 'x'.repeat(20_000))).rejects.toThrow(/secret value/);
  });

  it('opens only http(s) links, without an opener', async () => {
    const { env, opened } = makeEnv();
    const bridge = createWebBridge(env, options);
    expect(await bridge.openExternal('https://example.com/help')).toBe(true);
    expect(await bridge.openExternal('javascript:alert(1)')).toBe(false);
    expect(await bridge.openExternal('file:///etc/passwd')).toBe(false);
    expect(opened).toEqual([['https://example.com/help', '_blank', 'noopener,noreferrer']]);
  });

  it('shows a notification once permission is granted, and routes its click', async () => {
    const fake = fakeNotificationApi('default', 'granted');
    const { env, focused } = makeEnv({ Notification: fake.api });
    const bridge = createWebBridge(env, options);
    const opened: string[] = [];
    const unsubscribe = bridge.onOpenComplaint((id) => opened.push(id));

    expect(await bridge.notify('Deadline', 'C-7 is due at 17:00', { complaintId: 'c-7', tag: 'c-7:first' })).toBe(true);
    expect(fake.asked()).toBe(1);
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0]?.title).toBe('Deadline');
    expect(fake.shown[0]?.options).toEqual({ body: 'C-7 is due at 17:00', tag: 'c-7:first' });

    fake.shown[0]?.instance.onclick?.(new Event('click'));
    expect(opened).toEqual(['c-7']);
    expect(focused()).toBe(1);
    expect(fake.shown[0]?.instance.closed).toBe(true);

    // Same tag again: not shown twice.
    expect(await bridge.notify('Deadline', 'C-7 is due at 17:00', { complaintId: 'c-7', tag: 'c-7:first' })).toBe(true);
    expect(fake.shown).toHaveLength(1);

    unsubscribe();
    await bridge.notify('Deadline', 'again', { complaintId: 'c-8' });
    fake.shown[1]?.instance.onclick?.(new Event('click'));
    expect(opened).toEqual(['c-7']);
  });

  it('reports false when notifications are unavailable, denied or malformed', async () => {
    expect(await createWebBridge(makeEnv().env, options).notify('t', 'b')).toBe(false);
    const denied = fakeNotificationApi('denied');
    expect(await createWebBridge(makeEnv({ Notification: denied.api }).env, options).notify('t', 'b')).toBe(false);
    expect(denied.asked()).toBe(0);
    const refused = fakeNotificationApi('default', 'denied');
    expect(await createWebBridge(makeEnv({ Notification: refused.api }).env, options).notify('t', 'b')).toBe(false);
    expect(refused.shown).toHaveLength(0);
    const granted = fakeNotificationApi('granted');
    expect(await createWebBridge(makeEnv({ Notification: granted.api }).env, options).notify('', 'b')).toBe(false);
    expect(granted.shown).toHaveLength(0);
  });

  it('mirrors the pending count on the app badge when the browser has one', async () => {
    const calls: string[] = [];
    const { env } = makeEnv({
      navigator: {
        setAppBadge: async (n?: number) => {
          calls.push(`set ${n}`);
        },
        clearAppBadge: async () => {
          calls.push('clear');
        },
      },
    });
    const bridge = createWebBridge(env, options);
    await bridge.setPendingCount(3);
    await bridge.setPendingCount(0);
    expect(calls).toEqual(['set 3', 'clear']);
    await expect(bridge.setPendingCount(-1)).rejects.toThrow(/pending count/);
    // Without badging support it is a no-op, not an error.
    await createWebBridge(makeEnv().env, options).setPendingCount(5);
  });
});
