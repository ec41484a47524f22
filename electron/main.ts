// The desktop shell's main process: wires the tested modules beside it to
// Electron. Keep logic out of this file; it is the one part that only runs
// inside Electron.
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, protocol, safeStorage, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import electronUpdater from 'electron-updater';
import path from 'node:path';
import { APP_ENTRY_URL, APP_SCHEME } from '../shared/platform/app-origin';
import { OPEN_COMPLAINT_EVENT, SCREEN_POP_EVENT } from '../shared/platform/channels';
import { normalizeServerUrl } from '../shared/platform/server-url';
import { APP_ID, DEVELOPMENT_DATA_FOLDER, PRODUCT_NAME } from './app-identity';
import { createAppProtocolHandler } from './app-protocol';
import { parseUpdateChannel, planUpdates, startAutoUpdates } from './auto-update';
import { ELECTRON_OUT_DIR, PRELOAD_BUNDLE, RENDERER_DIR, TRAY_ICON } from './build-paths';
import { buildContentSecurityPolicy } from './csp';
import { createExternalOpener } from './external-links';
import { registerBridgeHandlers } from './ipc-handlers';
import { createJsonFile, readJsonFileSync } from './json-file';
import { createNotifier } from './notifier';
import { isPermissionGranted } from './permissions';
import { createSecretStore, type SecretCipher } from './secret-store';
import { createDataKeySource } from './data-key';
import { createServerChangeConfirm } from './server-change-dialog';
import { createServerSettings, loadLanHosts, serverUrlOverride } from './settings';
import { bringToFront, claimSingleInstance } from './single-instance';
import { startScreenPop } from './screen-pop';
import { screenPopHash } from '../shared/platform/screen-pop';
import { createPendingIndicator, type TrayTexts } from './tray-badge';
import { secureWebPreferences } from './web-preferences';
import { guardWebContents } from './window-guard';
import { MIN_WINDOW_SIZE, parseWindowState, placeWindow, type WindowState } from './window-state';
import { chromiumLangFor, saveUiLanguage } from './ui-language';

const SETTINGS_FILE = 'settings.json';

// Before `ready`: the scheme must be standard and secure from the start, or
// IndexedDB, fetch and the origin's storage behave differently.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
]);
app.enableSandbox();
if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), DEVELOPMENT_DATA_FOLDER));
// Also before `ready`: Chromium takes its locale, which native date and time fields are shown in, only from --lang at start.
const startLang = chromiumLangFor(readJsonFileSync(path.join(app.getPath('userData'), SETTINGS_FILE)));
if (startLang) app.commandLine.appendSwitch('lang', startLang);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

let mainWindow: BrowserWindow | undefined;
let tray: Tray | undefined;

const isPrimary = claimSingleInstance({
  requestLock: () => app.requestSingleInstanceLock(),
  quit: () => app.quit(),
  onSecondInstance: (listener) => app.on('second-instance', listener),
  getWindow: () => mainWindow,
});

if (isPrimary) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Hotline Desk failed to start:', error instanceof Error ? error.message : error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const appRoot = app.getAppPath();
  const settingsFile = createJsonFile(path.join(userData, SETTINGS_FILE));
  // The LAN list (plain http allowed to a branch hub) comes from the deployment, never from the page.
  const lanHosts = await loadLanHosts(settingsFile, process.env);
  const override = serverUrlOverride(process.argv, process.env, lanHosts);
  if (override !== undefined && 'error' in override) console.error(`Ignoring the server address override: ${override.error}`);
  const locale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const settings = createServerSettings(settingsFile, {
    ...(override !== undefined && 'url' in override ? { override: override.url } : {}),
    lanHosts,
    confirm: createServerChangeConfirm((options) => (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)), locale),
  });
  const windowStateFile = createJsonFile(path.join(userData, 'window-state.json'));
  const keychain: SecretCipher = {
    // Linux without a keyring falls back to a fixed key ("basic_text"): that is obfuscation, not encryption.
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
  };
  const secrets = createSecretStore(createJsonFile(path.join(userData, 'secrets.json')), keychain);
  const dataKey = createDataKeySource(createJsonFile(path.join(userData, 'data-key.json')), keychain, (size) => randomBytes(size));

  // The CSP's connect-src names this origin: computed here from the stored, checked address only.
  let serverOrigin = originOf(await settings.getServerUrl());
  const openExternal = createExternalOpener((url) => shell.openExternal(url));

  hardenSession();
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(
      {
        setWindowOpenHandler: (handler) => contents.setWindowOpenHandler((details) => handler(details.url)),
        onWillNavigate: (listener) => contents.on('will-navigate', (event, url) => listener(url, () => event.preventDefault())),
        onWillRedirect: (listener) => contents.on('will-redirect', (event, url) => listener(url, () => event.preventDefault())),
        onWillAttachWebview: (listener) => contents.on('will-attach-webview', (event) => listener(() => event.preventDefault())),
      },
      (url) => void openExternal(url),
    );
  });

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: path.join(appRoot, RENDERER_DIR),
      readFile: (file) => readFile(file),
      contentSecurityPolicy: () => buildContentSecurityPolicy(serverOrigin),
    }),
  );

  const notify = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: ({ title, body }) => new Notification({ title, body }),
    onClick: (complaintId) => {
      const window = mainWindow ?? createMainWindow();
      bringToFront(window);
      if (complaintId !== undefined) window.webContents.send(OPEN_COMPLAINT_EVENT, complaintId);
    },
  });

  const setPendingCount = createTray(path.join(appRoot, ELECTRON_OUT_DIR, TRAY_ICON), locale);

  registerBridgeHandlers(ipcMain, {
    appVersion: () => app.getVersion(),
    locale: () => locale,
    setUiLanguage: (language) => saveUiLanguage(settingsFile, language),
    getServerUrl: () => settings.getServerUrl(),
    setServerUrl: async (url) => {
      const saved = await settings.setServerUrl(url);
      const origin = originOf(saved);
      const reloadRequired = origin !== serverOrigin;
      serverOrigin = origin;
      return { serverUrl: saved, reloadRequired };
    },
    secrets,
    dataKey,
    notify,
    setPendingCount,
    openExternal,
    onRefused: (channel, senderUrl) => console.warn(`Refused bridge call on ${channel} from ${senderUrl ?? 'a closed frame'}`),
  });

  const savedState = parseWindowState(await windowStateFile.read());
  const createMainWindow = (): BrowserWindow => {
    const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)];
    const placed = placeWindow(savedState, displays.map((d) => d.workArea));
    const window = new BrowserWindow({
      ...placed.bounds,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: PRODUCT_NAME,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(path.join(appRoot, ELECTRON_OUT_DIR, PRELOAD_BUNDLE), !app.isPackaged),
    });
    window.once('ready-to-show', () => {
      if (placed.maximized) window.maximize();
      window.show();
    });
    trackWindowState(window, (state) => void windowStateFile.write(state).catch(() => undefined));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    mainWindow = window;
    void window.loadURL(APP_ENTRY_URL);
    return window;
  };

  createMainWindow();
  // Calls from the phone system (hotline-desk://call?…): validated here, sent to the window, validated again there.
  startScreenPop({
    registerScheme: (scheme) =>
      app.isPackaged ? app.setAsDefaultProtocolClient(scheme) : app.setAsDefaultProtocolClient(scheme, process.execPath, [path.resolve(process.argv[1] ?? '.')]),
    argv: process.argv,
    onSecondInstance: (listener) => app.on('second-instance', (_event, argv) => listener(argv)),
    onOpenUrl: (listener) =>
      app.on('open-url', (event, url) => {
        event.preventDefault();
        listener(url);
      }),
    deliver: (pop) => {
      const window = mainWindow ?? createMainWindow();
      bringToFront(window);
      const query = screenPopHash(pop).slice('#/call?'.length);
      if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => window.webContents.send(SCREEN_POP_EVENT, query));
      else window.webContents.send(SCREEN_POP_EVENT, query);
    },
  });
  // Signed updates only (electron/auto-update.ts says where a signature is checked); electron-builder writes the channel into app-update.yml.
  const updateChannel = parseUpdateChannel(await readFile(path.join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(() => null));
  startAutoUpdates({
    updater: electronUpdater.autoUpdater,
    plan: planUpdates({ platform: process.platform, isPackaged: app.isPackaged, channel: updateChannel }),
    log: (message) => console.warn(message),
    onDownloaded: (version) => console.warn(`Hotline Desk ${version} is downloaded and verified; it is installed when the app quits`),
    setInterval: (task, ms) => setInterval(task, ms).unref(),
  });
  app.on('activate', () => {
    if (mainWindow === undefined) createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    tray?.destroy();
  });
  // Only now, so the tray's "show" can reach the window.
  trayShowWindow = () => bringToFront(mainWindow ?? createMainWindow());
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}

let trayShowWindow: () => void = () => undefined;

function createTray(iconPath: string, locale: string): (count: number) => void {
  const icon = nativeImage.createFromPath(iconPath);
  if (icon.isEmpty()) {
    console.warn('Tray icon missing; the pending count is not shown in the tray');
    return (count) => void app.setBadgeCount(count);
  }
  tray = new Tray(icon);
  const current = tray;
  const setMenuTexts = (texts: TrayTexts) => {
    current.setContextMenu(
      Menu.buildFromTemplate([
        { label: texts.showWindow, click: () => trayShowWindow() },
        { type: 'separator' },
        { label: texts.quit, click: () => app.quit() },
      ]),
    );
  };
  current.on('click', () => trayShowWindow());
  const update = createPendingIndicator(
    {
      setToolTip: (text) => current.setToolTip(text),
      setTitle: (text) => current.setTitle(text),
      setBadgeCount: (count) => void app.setBadgeCount(count),
      setMenuTexts,
    },
    locale,
  );
  update(0);
  return update;
}

function trackWindowState(window: BrowserWindow, save: (state: WindowState) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const snapshot = (): WindowState => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) save(snapshot());
    }, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save(snapshot());
  });
}

function originOf(serverUrl: string): string {
  const parsed = normalizeServerUrl(serverUrl);
  if (!parsed.ok) throw new Error('the saved server address is unusable');
  return parsed.origin;
}
