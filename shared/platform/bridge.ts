/**
 * The platform bridge: the renderer's only door to the operating system.
 *
 * In the desktop shell the preload script exposes an implementation as
 * `window.hotlineDesk`; in a plain browser renderer/platform supplies a web
 * implementation of the same interface. Every method that crosses the process
 * boundary is async; the main process validates every argument again.
 */

import type { UiLanguage } from './ipc-args';

export type PlatformKind = 'electron' | 'web';

/**
 * Where secrets end up:
 * - 'encrypted-disk': encrypted with the OS keychain (safeStorage), survives restarts;
 * - 'session': this browser tab only (sessionStorage), gone when the tab closes;
 * - 'memory': this run of the app only, because the OS offers no keychain; the
 *   user signs in again after a restart.
 */
export type SecretStorageKind = 'encrypted-disk' | 'session' | 'memory';

/**
 * The key the local replica's personal fields are encrypted with
 * (renderer/data/crypto):
 * - 'os-keychain': the desktop's 256-bit data key, made once per workstation
 *   and stored wrapped by the OS keychain (safeStorage), as base64; the
 *   renderer imports it as a non-extractable key at once;
 * - 'browser': the browser build's non-extractable WebCrypto key, kept in
 *   this origin's IndexedDB;
 * - 'none': no key, so nothing is encrypted: the OS offers no keychain
 *   ('no-keychain'), or the stored key can no longer be unwrapped
 *   ('unreadable': another OS account, a reset keychain).
 */
export type DataKeyAnswer =
  | { kind: 'os-keychain'; key: string }
  | { kind: 'browser'; key: WebCryptoKey }
  | { kind: 'none'; reason: 'no-keychain' | 'unreadable' };

/** A WebCrypto CryptoKey, named by shape: the main process is type-checked without the DOM library. */
export interface WebCryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: object;
  readonly usages: readonly string[];
}

/** Secret names the app uses; other names matching SECRET_NAME_PATTERN are allowed too. */
export const SECRET_NAMES = {
  /** The bearer token of the sync server. */
  syncToken: 'sync-token',
} as const;

export interface NotifyOptions {
  /** Clicking the notification asks the renderer to open this complaint (onOpenComplaint). */
  complaintId?: string;
  /** Notifications with the same tag are shown once per app run (e.g. `${complaintId}:${clock}`). */
  tag?: string;
}

export interface SetServerUrlResult {
  /** The normalized address that was saved (no trailing slash). */
  serverUrl: string;
  /**
   * True when the page must be reloaded before it may talk to the new server
   * (the desktop shell's Content-Security-Policy names the server). The
   * renderer reloads itself when it sees this; local data survives a reload.
   */
  reloadRequired: boolean;
}

export interface PlatformBridge {
  readonly kind: PlatformKind;
  getAppVersion(): Promise<string>;
  /** The system's preferred locale as a BCP 47 tag, e.g. 'zh-CN' or 'en-US'. */
  getLocale(): Promise<string>;
  /**
   * The display language the user chose. The desktop shell starts Chromium in
   * it from the next start on, so native date and time fields follow the UI's
   * language, not only the system's; a browser keeps its own locale.
   */
  setUiLanguage(language: UiLanguage): Promise<void>;

  /** The sync server's base address without trailing slash, e.g. 'http://127.0.0.1:8787'. */
  getServerUrl(): Promise<string>;
  /**
   * Rejects when the address breaks the rule of checkServerAddress (https, or
   * plain http to this computer or the LAN list) or, in the desktop shell,
   * when the person at the workstation declines the main process's dialog.
   */
  setServerUrl(url: string): Promise<SetServerUrlResult>;

  /** Null when the secret is not stored (or can no longer be decrypted). */
  getSecret(name: string): Promise<string | null>;
  setSecret(name: string, value: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
  getSecretStorageKind(): Promise<SecretStorageKind>;
  /** The replica's data key (see DataKeyAnswer); the same key every time on this workstation. */
  getDataKey(): Promise<DataKeyAnswer>;

  /** Shows a system notification (deadline warnings). False when it could not be shown. */
  notify(title: string, body: string, options?: NotifyOptions): Promise<boolean>;
  /** Number of local changes waiting to sync: the tray's badge and tooltip. */
  setPendingCount(count: number): Promise<void>;
  /** Opens an http(s) link in the system browser. False when the link was refused. */
  openExternal(url: string): Promise<boolean>;

  /** Called when the user clicks a notification that carried a complaintId. Returns an unsubscribe function. */
  onOpenComplaint(listener: (complaintId: string) => void): () => void;
  /**
   * Called with the query of a call link (`ani=…&serial=…`) the desktop app
   * was opened with; the renderer validates it again. Returns an unsubscribe
   * function. The browser build gets calls through its #/call route instead.
   */
  onScreenPop(listener: (query: string) => void): () => void;
}

/** The name of the global the preload defines. */
export const BRIDGE_GLOBAL_NAME = 'hotlineDesk';

declare global {
  interface Window {
    /** Present only inside the desktop shell. */
    hotlineDesk?: PlatformBridge;
  }
}
