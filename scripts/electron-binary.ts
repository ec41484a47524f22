import { desktopDecision, type DesktopDecision } from './start-plan';

/**
 * The Electron binary is not downloaded by `npm install` (package.json
 * `allowScripts` denies the electron package's postinstall), because its
 * release host is out of reach on many networks and a failed download would
 * fail the whole install. It is fetched here, the first time `npm start` or
 * `npm run dist` needs it, by the electron package's own installer, which
 * honours ELECTRON_MIRROR. Every OS call is passed in, so the decisions can be
 * tested without a network or a binary.
 */

export interface InstallerResult {
  ok: boolean;
  /** Why it failed, in one line (exit code, timeout, spawn error). */
  detail?: string;
}

export interface ElectronBinaryDeps {
  /** `require('electron')` afresh: the binary's path, or throws while it is not installed. */
  resolveElectron: () => unknown;
  exists: (file: string) => boolean;
  /** The electron package's installer script (`electron/install.js`), or undefined when the package itself is missing. */
  installerPath: string | undefined;
  /** Runs the installer with this environment; resolves when it has finished or was given up. */
  runInstaller: (installer: string, env: Record<string, string | undefined>) => Promise<InstallerResult>;
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
}

/** A mirror known to carry Electron's releases, reachable from mainland China; only ever a suggestion. */
export const EXAMPLE_MIRROR = 'https://npmmirror.com/mirrors/electron/';

export type EnsureResult = DesktopDecision & { advice?: string };

/** How to get the desktop window after all, for a user who got the browser. */
export function desktopAdvice(packagePresent: boolean): string {
  if (!packagePresent) {
    return 'To get the desktop window, install the dependencies again (npm install), then run npm run fetch:electron.';
  }
  return [
    'To get the desktop window, fetch Electron from a mirror you can reach, then run npm start again:',
    `  ELECTRON_MIRROR=${EXAMPLE_MIRROR} npm run fetch:electron`,
    '(a proxy works too: HTTPS_PROXY=… npm run fetch:electron)',
  ].join('\n');
}

/**
 * Whether a desktop window can open, fetching the binary first when it is
 * missing. Never throws: a failed fetch is a browser decision with advice.
 */
export async function ensureElectronBinary(deps: ElectronBinaryDeps): Promise<EnsureResult> {
  const first = desktopDecision(deps.resolveElectron, deps.exists, deps.env);
  if (first.kind === 'electron') return first;
  // Chosen on purpose: nothing to fetch.
  if (deps.env.HOTLINE_DESK_NO_ELECTRON === '1') return first;
  if (deps.installerPath === undefined) {
    return { kind: 'browser', reason: 'the electron package is not installed', advice: desktopAdvice(false) };
  }
  if (isSet(deps.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    return {
      kind: 'browser',
      reason: `${first.reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not fetched`,
      advice: 'Unset ELECTRON_SKIP_BINARY_DOWNLOAD and run npm start again to fetch the desktop window.',
    };
  }

  const mirror = deps.env.ELECTRON_MIRROR ?? deps.env.npm_config_electron_mirror;
  deps.log(`Fetching the Electron binary (first run) from ${mirror ?? "Electron's release host"}…`);
  const result = await deps.runInstaller(deps.installerPath, deps.env);
  if (!result.ok) {
    return {
      kind: 'browser',
      reason: `the Electron binary could not be fetched from ${mirror ?? "Electron's release host"} (${result.detail ?? 'failed'})`,
      advice: desktopAdvice(true),
    };
  }
  const second = desktopDecision(deps.resolveElectron, deps.exists, deps.env);
  if (second.kind === 'electron') return second;
  return { ...second, advice: desktopAdvice(true) };
}

function isSet(value: string | undefined): boolean {
  // electron's installer skips on any non-empty value.
  return value !== undefined && value !== '';
}
