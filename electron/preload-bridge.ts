import type { DataKeyAnswer, NotifyOptions, PlatformBridge, SecretStorageKind, SetServerUrlResult } from '../shared/platform/bridge';
import { IPC_CHANNELS, OPEN_COMPLAINT_EVENT, SCREEN_POP_EVENT } from '../shared/platform/channels';
import type { UiLanguage } from '../shared/platform/ipc-args';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The object the preload exposes as window.hotlineDesk. Each method is one
 * fixed IPC call; the page never gets ipcRenderer itself nor the IPC event
 * objects (they would let it reach any channel).
 */
export function createPreloadBridge(ipc: RendererIpc): PlatformBridge {
  // Calls are kept until the signed-in shell listens: the link may open the app before sign-in.
  const callListeners = new Set<(query: string) => void>();
  let waitingCall: string | null = null;
  ipc.on(SCREEN_POP_EVENT, (_event: unknown, query: unknown) => {
    if (typeof query !== 'string') return;
    if (callListeners.size === 0) waitingCall = query;
    else for (const l of callListeners) l(query);
  });
  const call = <T>(channel: string, ...args: unknown[]): Promise<T> => ipc.invoke(channel, ...args) as Promise<T>;
  return {
    kind: 'electron',
    getAppVersion: () => call<string>(IPC_CHANNELS.getAppVersion),
    getLocale: () => call<string>(IPC_CHANNELS.getLocale),
    setUiLanguage: (language: UiLanguage) => call<void>(IPC_CHANNELS.setUiLanguage, language),
    getServerUrl: () => call<string>(IPC_CHANNELS.getServerUrl),
    setServerUrl: (url: string) => call<SetServerUrlResult>(IPC_CHANNELS.setServerUrl, url),
    getSecret: (name: string) => call<string | null>(IPC_CHANNELS.getSecret, name),
    setSecret: (name: string, value: string) => call<void>(IPC_CHANNELS.setSecret, name, value),
    deleteSecret: (name: string) => call<void>(IPC_CHANNELS.deleteSecret, name),
    getSecretStorageKind: () => call<SecretStorageKind>(IPC_CHANNELS.getSecretStorageKind),
    getDataKey: () => call<DataKeyAnswer>(IPC_CHANNELS.getDataKey),
    notify: (title: string, body: string, options?: NotifyOptions) => call<boolean>(IPC_CHANNELS.notify, { title, body, options }),
    setPendingCount: (count: number) => call<void>(IPC_CHANNELS.setPendingCount, count),
    openExternal: (url: string) => call<boolean>(IPC_CHANNELS.openExternal, url),
    onOpenComplaint(listener: (complaintId: string) => void) {
      const forward = (_event: unknown, complaintId: unknown) => {
        if (typeof complaintId === 'string') listener(complaintId);
      };
      ipc.on(OPEN_COMPLAINT_EVENT, forward);
      return () => {
        ipc.removeListener(OPEN_COMPLAINT_EVENT, forward);
      };
    },
    onScreenPop(listener: (query: string) => void) {
      callListeners.add(listener);
      // A call that arrived before anyone listened (the app opened by the link, nobody signed in yet).
      if (waitingCall !== null) {
        const query = waitingCall;
        waitingCall = null;
        listener(query);
      }
      return () => {
        callListeners.delete(listener);
      };
    },
  };
}
