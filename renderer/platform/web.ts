import type { DataKeyAnswer, NotifyOptions, PlatformBridge, SecretStorageKind, SetServerUrlResult } from '../../shared/platform/bridge';
import { checkExternalUrl } from '../../shared/platform/external-url';
import { notificationSchema, pendingCountSchema, secretNameSchema, secretValueSchema } from '../../shared/platform/ipc-args';
import { checkServerAddress, normalizeServerUrl, type LanHosts } from '../../shared/platform/server-url';
import { loadBrowserDataKey } from './web-data-key';
import { serverChangeError } from '../../shared/platform/server-change-refusal';

/** Keys this bridge owns in the browser's storages. */
export const WEB_STORAGE_KEYS = {
  serverUrl: 'hotlineDesk.serverUrl',
  secretPrefix: 'hotlineDesk.secret.',
} as const;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface WebNotificationLike {
  onclick: ((ev: Event) => unknown) | null;
  close(): void;
}

export interface WebNotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): WebNotificationLike;
}

/** The parts of `window` the web bridge uses, so tests can pass a small fake. */
export interface WebEnvironment {
  location: { origin: string };
  sessionStorage: StorageLike;
  localStorage: StorageLike;
  navigator: {
    language?: string;
    languages?: readonly string[];
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  Notification?: WebNotificationApi;
  /** Where the data key is kept (web-data-key.ts). */
  indexedDB: IDBFactory;
  open(url: string, target: string, features: string): unknown;
  focus(): void;
}

export interface WebBridgeOptions {
  appVersion: string;
  /** Used when nothing is configured; defaults to the page's own origin (the server serves the web client). */
  defaultServerUrl?: string;
  /** When the system reports no language at all. */
  fallbackLocale?: string;
  /** Hosts where plain http is allowed (a branch hub on the LAN), from the deployment's build settings. */
  lanHosts?: LanHosts;
}

export function createWebBridge(env: WebEnvironment, options: WebBridgeOptions): PlatformBridge {
  const openListeners = new Set<(complaintId: string) => void>();
  const shownTags = new Set<string>();

  const secretKey = (name: string): string => {
    const parsed = secretNameSchema.safeParse(name);
    if (!parsed.success) throw new Error('invalid secret name');
    return WEB_STORAGE_KEYS.secretPrefix + parsed.data;
  };

  const defaultServerUrl = (): string => {
    const configured = normalizeServerUrl(options.defaultServerUrl ?? env.location.origin);
    return configured.ok ? configured.url : env.location.origin;
  };

  // The same rule as the desktop app; the page's own server and the configured default are the deployment's choice, so allowed as they are.
  const allowedHttpHosts = (): string[] => {
    const own = [env.location.origin, defaultServerUrl()].flatMap((u) => {
      const parsed = normalizeServerUrl(u);
      return parsed.ok ? [new URL(parsed.url).hostname] : [];
    });
    return [...(options.lanHosts ?? []), ...own];
  };

  const notificationPermission = async (api: WebNotificationApi): Promise<boolean> => {
    if (api.permission === 'granted') return true;
    if (api.permission === 'denied') return false;
    try {
      return (await api.requestPermission()) === 'granted';
    } catch {
      return false;
    }
  };

  return {
    kind: 'web',

    async getAppVersion() {
      return options.appVersion;
    },

    async getLocale() {
      return env.navigator.languages?.[0] ?? env.navigator.language ?? options.fallbackLocale ?? 'zh-CN';
    },

    // A page cannot change its browser's locale; native date fields keep the browser's.
    async setUiLanguage() {},

    async getServerUrl() {
      const saved = env.localStorage.getItem(WEB_STORAGE_KEYS.serverUrl);
      if (saved !== null) {
        const parsed = checkServerAddress(saved, allowedHttpHosts());
        if (parsed.ok) return parsed.url;
      }
      return defaultServerUrl();
    },

    async setServerUrl(url: string): Promise<SetServerUrlResult> {
      const parsed = checkServerAddress(url, allowedHttpHosts());
      if (!parsed.ok) throw serverChangeError(parsed.problem, parsed.reason);
      env.localStorage.setItem(WEB_STORAGE_KEYS.serverUrl, parsed.url);
      // A browser page has no CSP of ours naming the server, so nothing to reload.
      return { serverUrl: parsed.url, reloadRequired: false };
    },

    async getSecret(name: string) {
      return env.sessionStorage.getItem(secretKey(name));
    },

    async setSecret(name: string, value: string) {
      const parsed = secretValueSchema.safeParse(value);
      if (!parsed.success) throw new Error('invalid secret value');
      env.sessionStorage.setItem(secretKey(name), parsed.data);
    },

    async deleteSecret(name: string) {
      env.sessionStorage.removeItem(secretKey(name));
    },

    async getSecretStorageKind(): Promise<SecretStorageKind> {
      return 'session';
    },

    getDataKey(): Promise<DataKeyAnswer> {
      return loadBrowserDataKey(env.indexedDB);
    },

    async notify(title: string, body: string, notifyOptions?: NotifyOptions) {
      const parsed = notificationSchema.safeParse({ title, body, options: notifyOptions });
      if (!parsed.success) return false;
      const api = env.Notification;
      if (api === undefined) return false;
      const tag = parsed.data.options?.tag;
      if (tag !== undefined && shownTags.has(tag)) return true;
      if (!(await notificationPermission(api))) return false;
      const notification = new api(parsed.data.title, { body: parsed.data.body, ...(tag === undefined ? {} : { tag }) });
      if (tag !== undefined) shownTags.add(tag);
      const complaintId = parsed.data.options?.complaintId;
      notification.onclick = () => {
        env.focus();
        notification.close();
        if (complaintId !== undefined) for (const listener of openListeners) listener(complaintId);
      };
      return true;
    },

    async setPendingCount(count: number) {
      const parsed = pendingCountSchema.safeParse(count);
      if (!parsed.success) throw new Error('invalid pending count');
      // No tray in a browser; an installed web app may still show a badge.
      try {
        if (parsed.data === 0) await env.navigator.clearAppBadge?.();
        else await env.navigator.setAppBadge?.(parsed.data);
      } catch {
        // Badging is cosmetic; a browser that refuses it changes nothing for the user.
      }
    },

    async openExternal(url: string) {
      const checked = checkExternalUrl(url);
      if (!checked.ok) return false;
      env.open(checked.url, '_blank', 'noopener,noreferrer');
      return true;
    },

    onOpenComplaint(listener: (complaintId: string) => void) {
      openListeners.add(listener);
      return () => {
        openListeners.delete(listener);
      };
    },

    // The browser build takes calls through its #/call route (renderer/app/use-screen-pop.ts).
    onScreenPop() {
      return () => undefined;
    },
  };
}
