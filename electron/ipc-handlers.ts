import type { SetServerUrlResult } from '../shared/platform/bridge';
import { IPC_CHANNELS } from '../shared/platform/channels';
import { notificationSchema, pendingCountSchema, uiLanguageSchema, urlArgSchema, type NotificationRequest, type UiLanguage } from '../shared/platform/ipc-args';
import { isTrustedSender, type SenderFrameLike } from './ipc-sender';
import type { SecretStore } from './secret-store';
import type { DataKeySource } from './data-key';

/** The parts of Electron's IpcMainInvokeEvent and ipcMain this module uses. */
export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

/** What the main process does for each bridge call, already wired to the OS. */
export interface BridgeBackend {
  appVersion(): string;
  locale(): string;
  setUiLanguage(language: UiLanguage): Promise<void>;
  getServerUrl(): Promise<string>;
  setServerUrl(url: string): Promise<SetServerUrlResult>;
  secrets: SecretStore;
  dataKey: DataKeySource;
  notify(request: NotificationRequest): boolean;
  setPendingCount(count: number): void;
  openExternal(url: string): Promise<boolean>;
  /** For the log: which channel an untrusted frame tried (never the arguments, they may hold secrets). */
  onRefused?(channel: string, senderUrl: string | undefined): void;
}

type Handler = (args: unknown[]) => unknown;

/** Thrown back to the caller as a rejected promise; deliberately says nothing about why. */
export class BridgeRefusedError extends Error {
  constructor() {
    super('request refused');
    this.name = 'BridgeRefusedError';
  }
}

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new BridgeRefusedError();
  return result.data;
}

function stringArg(value: unknown): string {
  if (typeof value !== 'string') throw new BridgeRefusedError();
  return value;
}

/**
 * Registers one handler per bridge channel. Every call first checks that it
 * comes from the app's own top-level page, then parses its arguments; the
 * renderer is treated as untrusted input even though it is our code.
 */
export function registerBridgeHandlers(ipc: IpcMainLike, backend: BridgeBackend): void {
  const handlers: Record<keyof typeof IPC_CHANNELS, Handler> = {
    getAppVersion: () => backend.appVersion(),
    getLocale: () => backend.locale(),
    setUiLanguage: async ([language]) => {
      await backend.setUiLanguage(parse(uiLanguageSchema, language));
    },
    getServerUrl: () => backend.getServerUrl(),
    setServerUrl: ([url]) => backend.setServerUrl(parse(urlArgSchema, url)),
    // The store validates names and values itself; these only enforce the types.
    getSecret: ([name]) => backend.secrets.get(stringArg(name)),
    setSecret: async ([name, value]) => {
      await backend.secrets.set(stringArg(name), stringArg(value));
    },
    deleteSecret: async ([name]) => {
      await backend.secrets.delete(stringArg(name));
    },
    getSecretStorageKind: () => backend.secrets.kind(),
    getDataKey: () => backend.dataKey.get(),
    notify: ([request]) => backend.notify(parse(notificationSchema, request)),
    setPendingCount: ([count]) => {
      backend.setPendingCount(parse(pendingCountSchema, count));
    },
    openExternal: ([url]) => backend.openExternal(parse(urlArgSchema, url)),
  };

  for (const key of Object.keys(handlers) as Array<keyof typeof IPC_CHANNELS>) {
    const channel = IPC_CHANNELS[key];
    const handler = handlers[key];
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) {
        backend.onRefused?.(channel, event.senderFrame?.url);
        throw new BridgeRefusedError();
      }
      return handler(args);
    });
  }
}
