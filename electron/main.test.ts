// Wiring test of main.ts. Electron's binary cannot run here, so a recording
// stand-in for the 'electron' module checks that the tested modules are
// attached to the right Electron hooks with the right settings.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/platform/channels';

const fake = vi.hoisted(() => {
  const state = {
    ready: false,
    schemes: [] as unknown[],
    schemesRegisteredBeforeReady: false,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    appListeners: new Map<string, Array<(...args: unknown[]) => void>>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
    paths: new Map<string, string>(),
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    sandboxEnabled: false,
    appPath: '',
    readyResolve: undefined as undefined | (() => void),
  };
  return state;
});

// electron-updater's autoUpdater requires Electron itself when first read; the wiring gets a stand-in.
vi.mock('electron-updater', () => ({
  default: { autoUpdater: { autoDownload: false, autoInstallOnAppQuit: false, on: () => undefined, checkForUpdates: async () => null } },
}));

vi.mock('electron', () => {
  const readyPromise = new Promise<void>((resolve) => {
    fake.readyResolve = () => {
      fake.ready = true;
      resolve();
    };
  });
  class BrowserWindow {
    readonly webContents = { send: vi.fn() };
    readonly loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, loaded: this.loaded });
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
  }
  class Tray {
    setToolTip() {}
    setTitle() {}
    setContextMenu() {}
    on() {}
    destroy() {}
  }
  class Notification {
    static isSupported() {
      return true;
    }
    on() {}
    show() {}
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        fake.sandboxEnabled = true;
      },
      getPath: (name: string) => fake.paths.get(name) ?? path.join(fake.appPath, `path-${name}`),
      setPath: (name: string, value: string) => fake.paths.set(name, value),
      setAppUserModelId: () => undefined,
      requestSingleInstanceLock: () => true,
      setAsDefaultProtocolClient: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: (event: string, listener: (...args: unknown[]) => void) => {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => readyPromise,
      getAppPath: () => fake.appPath,
      getPreferredSystemLanguages: () => ['zh-CN'],
      getLocale: () => 'en-US',
      getVersion: () => '0.1.0',
      setBadgeCount: () => true,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.schemes.push(...schemes);
        fake.schemesRegisteredBeforeReady = !fake.ready;
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
    },
    ipcMain: { handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => fake.ipc.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (fake.permissionCheck = handler),
        setDevicePermissionHandler: () => undefined,
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (buffer: Buffer) => Buffer.from(buffer).reverse().toString('utf8'),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    nativeImage: { createFromPath: () => ({ isEmpty: () => false }) },
    Menu: { buildFromTemplate: (template: unknown) => template },
    BrowserWindow,
    Tray,
    Notification,
  };
});

describe('main process wiring', () => {
  let dir: string;
  const originalArgv = process.argv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'main-wiring-'));
    fake.appPath = dir;
    await mkdir(path.join(dir, 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Hotline Desk</title>');
    process.argv = [...originalArgv, '--server-url=http://127.0.0.1:9999/'];
    // Electron sets it; an unpackaged run reads no update channel from it.
    Object.defineProperty(process, 'resourcesPath', { value: dir, configurable: true });
    await import('./main');
    fake.readyResolve?.();
    for (let i = 0; i < 100 && fake.windows.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  afterAll(async () => {
    process.argv = originalArgv;
    await rm(dir, { recursive: true, force: true });
  });

  it('registers app:// as a privileged standard scheme before ready, and sandboxes every renderer', () => {
    expect(fake.schemesRegisteredBeforeReady).toBe(true);
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }) },
    ]);
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('starts to the end: the call link registered, the window lifecycle wired, and no exit', async () => {
    const { app } = await import('electron');
    for (let i = 0; i < 100 && !fake.appListeners.has('window-all-closed'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('hotline-desk', process.execPath, expect.any(Array));
    expect(fake.appListeners.has('activate')).toBe(true);
    expect(fake.appListeners.has('window-all-closed')).toBe(true);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('keeps unpackaged runs’ data apart', () => {
    expect(fake.paths.get('userData')).toBe(path.join(dir, 'path-appData', 'Hotline Desk (development)'));
  });

  it('opens one isolated, sandboxed window on the app origin', () => {
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window?.loaded).toEqual(['app://hotline-desk/']);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(dir, 'dist-electron', 'preload.cjs'),
    });
  });

  it('serves the renderer with a CSP naming the server from --server-url', async () => {
    const handler = fake.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://hotline-desk/queue'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:9999");
  });

  it('answers bridge calls from the app page only', async () => {
    expect([...fake.ipc.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const getServerUrl = fake.ipc.get(IPC_CHANNELS.getServerUrl);
    expect(await getServerUrl?.({ senderFrame: { url: 'app://hotline-desk/', parent: null } })).toBe('http://127.0.0.1:9999');
    await expect(getServerUrl?.({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow('request refused');
    expect(await fake.ipc.get(IPC_CHANNELS.getLocale)?.({ senderFrame: { url: 'app://hotline-desk/', parent: null } })).toBe('zh-CN');
  });

  it('keeps secrets encrypted in the user data folder', async () => {
    const frame = { senderFrame: { url: 'app://hotline-desk/', parent: null } };
    await fake.ipc.get(IPC_CHANNELS.setSecret)?.(frame, 'sync-token', 'token-abc');
    expect(await fake.ipc.get(IPC_CHANNELS.getSecret)?.(frame, 'sync-token')).toBe('token-abc');
    expect(await fake.ipc.get(IPC_CHANNELS.getSecretStorageKind)?.(frame)).toBe('encrypted-disk');
    const { readFile } = await import('node:fs/promises');
    const onDisk = await readFile(path.join(fake.paths.get('userData') ?? '', 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('token-abc');
  });

  it('hands the page one data key, kept wrapped by the keychain in the user data folder', async () => {
    const frame = { senderFrame: { url: 'app://hotline-desk/', parent: null } };
    const first = (await fake.ipc.get(IPC_CHANNELS.getDataKey)?.(frame)) as { kind: string; key: string };
    expect(first.kind).toBe('os-keychain');
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(await fake.ipc.get(IPC_CHANNELS.getDataKey)?.(frame)).toEqual(first);
    const { readFile } = await import('node:fs/promises');
    const onDisk = await readFile(path.join(fake.paths.get('userData') ?? '', 'data-key.json'), 'utf8');
    expect(onDisk).not.toContain(first.key);
    await expect(fake.ipc.get(IPC_CHANNELS.getDataKey)?.({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow('request refused');
  });

  it('denies permissions by default', () => {
    const answers: boolean[] = [];
    fake.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://hotline-desk/' });
    fake.permissionRequest?.({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://hotline-desk/' });
    fake.permissionRequest?.({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, true, false]);
    expect(fake.permissionCheck?.(null, 'geolocation', 'app://hotline-desk', {})).toBe(false);
  });

  it('guards every web contents created', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    };
    for (const listener of fake.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let prevented = false;
    listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(listeners.has('will-redirect')).toBe(true);
    expect(listeners.has('will-attach-webview')).toBe(true);
  });
});
