import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import type { EventType, PayloadOf } from '../../../shared/events/catalogue';
import { makeEvent } from '../../../shared/events/make-event';
import { formatHlc } from '../../../shared/hlc/hlc';
import { SECRET_NAMES } from '../../../shared/platform/bridge';
import { WEB_STORAGE_KEYS } from '../../../renderer/platform/web';

export const PASSWORD = 'demo1234';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** One desktop workstation: its own browser profile (IndexedDB, storage), hence its own local database. */
export interface Workstation {
  context: BrowserContext;
  page: Page;
  /** Cuts the network: API calls fail as on a dead line. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

export interface WorkstationOptions {
  /** Installs Playwright's fake clock before the app loads (time still flows; tests may jump it). */
  clock?: boolean;
  /** The server the workstation loads the client from and syncs with (a branch hub); default the e2e server. */
  baseUrl?: string;
}

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (its global setup starts the server)');
  return url;
}

/**
 * Opens a workstation on the server's web client. The desktop shell loads the
 * client from local disk, so it starts and reloads without a network; a
 * browser tab fetches it from the server. While offline, the same built files
 * are served from disk here, exactly what the shell would load, and every
 * API request still fails.
 */
export async function openWorkstation(browser: Browser, options: WorkstationOptions = {}): Promise<Workstation> {
  const clientDir = process.env.E2E_CLIENT_DIR;
  if (!clientDir) throw new Error('E2E_CLIENT_DIR is not set');
  const origin = options.baseUrl ?? baseUrl();
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
  });
  let offline = false;
  await context.route(
    (url) => url.origin === new URL(origin).origin && !url.pathname.startsWith('/api/') && url.pathname !== '/health',
    async (route) => {
      if (!offline) return route.fallback();
      const { pathname } = new URL(route.request().url());
      const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
      const file = path.resolve(clientDir, relative);
      if (!file.startsWith(path.resolve(clientDir) + path.sep)) return route.abort('internetdisconnected');
      try {
        const body = await readFile(file);
        return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      } catch {
        return route.abort('internetdisconnected');
      }
    },
  );
  const page = await context.newPage();
  if (options.clock) await page.clock.install();
  return {
    context,
    page,
    async goOffline() {
      offline = true;
      await context.setOffline(true);
    },
    async goOnline() {
      await context.setOffline(false);
      offline = false;
    },
    close: () => context.close(),
  };
}

export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'Sync status' });
}

/** Signs in on the sign-in screen and waits for the working shell. */
export async function signIn(page: Page, username: string): Promise<void> {
  if (!page.url().startsWith('http')) await page.goto('/');
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 20_000 });
  // English is the display language of these tests (the visible labels of the detail forms).
  const language = page.getByRole('combobox', { name: 'Language' });
  if ((await language.inputValue()) !== 'en') await language.selectOption('en');
}

/** A workstation with a signed-in user, online. */
export async function workstationFor(browser: Browser, username: string, options: WorkstationOptions = {}): Promise<Workstation> {
  const ws = await openWorkstation(browser, options);
  await signIn(ws.page, username);
  return ws;
}

/** Online, nothing waiting to be pushed. */
export async function expectSynced(page: Page, timeout = 20_000): Promise<void> {
  await expect(syncStatus(page)).toContainText('Online', { timeout });
  await expect(syncStatus(page)).toContainText(/\b0 pending\b/, { timeout });
}

/** The bearer token the client keeps for this tab (the web bridge's secret store). */
export async function tokenOf(page: Page): Promise<string> {
  const key = WEB_STORAGE_KEYS.secretPrefix + SECRET_NAMES.syncToken;
  const token = await page.evaluate((k) => sessionStorage.getItem(k), key);
  if (!token) throw new Error('no sync token in this workstation');
  return token;
}

/** An authenticated API call from inside the page, with the page's own token. */
export async function apiFromPage<T>(page: Page, method: 'GET' | 'POST', urlPath: string, body?: unknown): Promise<{ status: number; json: T }> {
  const token = await tokenOf(page);
  return page.evaluate(
    async ({ method, urlPath, body, token }) => {
      const res = await fetch(urlPath, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
    },
    { method, urlPath, body, token },
  );
}

/**
 * An event of agent.gz (branch gz), stamped now on HLC node `node`, pushed
 * through the sync protocol with this workstation's own token, past the UI
 * that would not offer it; answers the push's reply.
 */
export async function pushPastTheUi<T extends EventType, R>(
  page: Page,
  e: { type: T; complaintId: string; payload: PayloadOf<T> },
  node: string,
): Promise<{ status: number; json: R }> {
  const now = Date.now();
  const event = makeEvent({
    id: uuidv7(),
    ...e,
    actorId: 'user-agent.gz',
    branchId: 'gz',
    hlc: formatHlc({ wallMs: now, counter: 0, node }),
    occurredAt: new Date(now).toISOString(),
  });
  return apiFromPage<R>(page, 'POST', '/api/sync/events/push', [{ assumedMasterState: null, newDocumentState: event }]);
}
