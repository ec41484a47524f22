/** The parts of electron-updater's autoUpdater this module uses, so it runs without Electron. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

/** What electron-builder wrote into the package's app-update.yml: the feed and, on Windows, whose signature an update must carry. */
export interface UpdateChannel {
  provider?: string;
  url?: string;
  publisherName: string[];
}

export type UpdatePlan = { enabled: true; channel: UpdateChannel } | { enabled: false; reason: string };

/** Hours between two checks while the app runs. */
export const CHECK_EVERY_HOURS = 4;

/**
 * Reads the flat YAML electron-builder writes as app-update.yml (`key: value`
 * lines, and `publisherName` as a scalar or a `- item` list). Anything else
 * in the file is ignored; a missing file is null.
 */
export function parseUpdateChannel(text: string | null): UpdateChannel | null {
  if (text === null) return null;
  const channel: UpdateChannel = { publisherName: [] };
  let inPublishers = false;
  const unquote = (v: string) => v.trim().replace(/^(['"])(.*)\1$/, '$2');
  for (const line of text.split(/\r?\n/)) {
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (item && inPublishers) {
      channel.publisherName.push(unquote(item[1] as string));
      continue;
    }
    const pair = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    inPublishers = false;
    if (!pair) continue;
    const [, key, value] = pair as unknown as [string, string, string];
    if (key === 'provider') channel.provider = unquote(value);
    else if (key === 'url') channel.url = unquote(value);
    else if (key === 'publisherName') {
      if (value.trim() === '') inPublishers = true;
      else channel.publisherName.push(unquote(value));
    }
  }
  channel.publisherName = channel.publisherName.filter((n) => n !== '');
  return channel;
}

/**
 * Whether this build may update itself, and why not. An update is installed
 * only where its signature is checked before it runs:
 * - Windows: electron-updater checks the installer's Authenticode signature
 *   against `publisherName`, which electron-builder writes only for a signed
 *   build; without it the check is skipped, so updates stay off.
 * - macOS: Squirrel.Mac refuses an update not signed like the running app (an
 *   unsigned app cannot update at all).
 * - Linux (AppImage, deb): nothing checks a publisher signature, only the
 *   feed's checksum; updates stay off and come through the system's package
 *   channel instead.
 * The feed itself must be https.
 */
export function planUpdates(input: { platform: string; isPackaged: boolean; channel: UpdateChannel | null }): UpdatePlan {
  if (!input.isPackaged) return { enabled: false, reason: 'not a packaged build' };
  const channel = input.channel;
  if (!channel) return { enabled: false, reason: 'built without an update channel (HOTLINE_DESK_UPDATE_URL)' };
  if (channel.provider !== undefined && channel.provider !== 'generic') return { enabled: false, reason: `unknown update provider ${channel.provider}` };
  if (!channel.url?.startsWith('https://')) return { enabled: false, reason: 'the update feed is not https' };
  if (input.platform === 'win32' && channel.publisherName.length === 0) {
    return { enabled: false, reason: 'unsigned build: an update’s signature could not be checked' };
  }
  if (input.platform !== 'win32' && input.platform !== 'darwin') {
    return { enabled: false, reason: 'no publisher signature is checked for Linux packages; update through the package channel' };
  }
  return { enabled: true, channel };
}

export interface AutoUpdateDeps {
  updater: UpdaterLike;
  plan: UpdatePlan;
  log(message: string): void;
  /** Tells the person a verified update waits for the next restart. */
  onDownloaded(version: string): void;
  setInterval(task: () => void, ms: number): unknown;
}

/**
 * Wires the updater when the plan allows it: downloads in the background,
 * installs when the app quits (never in the middle of a call), checks now and
 * every few hours. Failures are logged, never shown as a crash: the desk
 * works on the installed version.
 */
export function startAutoUpdates(deps: AutoUpdateDeps): boolean {
  if (!deps.plan.enabled) {
    deps.log(`Automatic updates off: ${deps.plan.reason}`);
    return false;
  }
  const { updater } = deps;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('error', (error) => deps.log(`Update failed: ${error.message}`));
  updater.on('update-downloaded', (info) => deps.onDownloaded(info.version));
  const check = () => void updater.checkForUpdates().catch((error: unknown) => deps.log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`));
  check();
  deps.setInterval(check, CHECK_EVERY_HOURS * 3_600_000);
  return true;
}
