import { expect, type Browser, type Page } from '@playwright/test';
import { registerComplaint, uniquePhone } from './ui';
import { apiFromPage, openWorkstation, signIn, type Workstation } from './workstation';

export type UiLanguage = 'en' | 'zh-CN';

/** Called once per screen, when it shows its content; `name` is stable and file-name safe. */
export type VisitScreen = (name: string, page: Page) => Promise<void>;

const LANGUAGE_SELECT = 'select:has(option[value="zh-CN"])';

/** Switches the display language with the language control, whatever it is called in the current language. */
async function useLanguage(page: Page, language: UiLanguage): Promise<void> {
  await page.locator(LANGUAGE_SELECT).first().selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function show(page: Page, screen: string): Promise<void> {
  // The landing after sign-in may still move the page to the role's own screen: ask again until the address holds.
  await expect(async () => {
    await page.evaluate((hash) => {
      if (window.location.hash !== hash) window.location.hash = hash;
    }, `#/${screen}`);
    await page.waitForTimeout(250);
    expect(new URL(page.url()).hash).toBe(`#/${screen}`);
  }).toPass({ timeout: 20_000 });
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 20_000 });
  // A screen with a grid is shown once it has loaded: rows, or the word that there are none.
  const grid = page.locator('main [role=grid]');
  if (await grid.count()) await expect(grid.first().locator('.grid-row, [data-state=empty]').first()).toBeVisible({ timeout: 20_000 });
}

/** The first complaint of the screen's grid opened in the detail panel. */
async function openFirstRow(page: Page): Promise<void> {
  const row = page.locator('main [role=grid] .grid-row').first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(page.locator('article.detail h2, article.detail h1').first()).toBeVisible();
}

async function asUser(browser: Browser, username: string, language: UiLanguage, prepare?: (page: Page) => Promise<void>): Promise<Workstation> {
  const ws = await openWorkstation(browser);
  await signIn(ws.page, username);
  await prepare?.(ws.page);
  if (language !== 'en') await useLanguage(ws.page, language);
  return ws;
}

/**
 * Walks every screen of the desk in one language: the sign-in page, each
 * role's screens (intake with its soothing panel, the queues with a
 * complaint's detail open, callbacks, review, supervisor, reports and both
 * tabs, the access log, erasure, needs attention, outbox, settings) and the
 * dialogs (shortcuts, escalate, sign in again).
 */
export async function visitEveryScreen(browser: Browser, language: UiLanguage, visit: VisitScreen): Promise<void> {
  const start = await openWorkstation(browser);
  await start.page.goto('/');
  await useLanguage(start.page, language);
  await expect(start.page.locator('input[type=password]')).toBeVisible();
  await visit('sign-in', start.page);
  await start.close();

  // The agent's own queue lists what they registered: one complaint, saved before the walk.
  const agent = await asUser(browser, 'agent.gz', language, async (p) => {
    await registerComplaint(p, { name: '林女士', phone: uniquePhone(), category: 'attitude', description: '坐席态度冷淡，多次打断客户', demands: '道歉' });
  });
  let page = agent.page;
  await show(page, 'new');
  await visit('intake-saved', page);
  await page.locator('.intake .actions-row button.btn:not(.primary)').click();
  await expect(page.locator('output.number-big')).toHaveCount(0);
  await visit('intake', page);
  await show(page, 'queue');
  await visit('queue', page);
  await openFirstRow(page);
  await visit('queue-detail', page);
  for (const screen of ['attention', 'outbox', 'settings']) {
    await show(page, screen);
    await visit(screen, page);
  }
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('shortcuts-dialog', page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The server revokes the session: the sync bar asks to sign in again, in a dialog.
  await apiFromPage(page, 'POST', '/api/auth/logout');
  const again = page.locator('.syncbar .expired button');
  await expect(again).toBeVisible({ timeout: 20_000 });
  await again.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('sign-in-again-dialog', page);
  await agent.close();

  const lead = await asUser(browser, 'lead.gz', language);
  page = lead.page;
  await show(page, 'callbacks');
  await visit('callbacks', page);
  await show(page, 'team');
  await visit('team-queue', page);
  await lead.close();

  const officer = await asUser(browser, 'officer.gz', language);
  page = officer.page;
  await show(page, 'review');
  await visit('review', page);
  await officer.close();

  const supervisor = await asUser(browser, 'supervisor.gz', language);
  page = supervisor.page;
  await show(page, 'team');
  await visit('branch-queue', page);
  await openFirstRow(page);
  await page.locator('article.detail details.action summary').first().click();
  await visit('branch-queue-detail-action', page);
  await page.locator('article.detail .detail-head button, article.detail button').filter({ hasText: /Escalate|升级/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('escalate-dialog', page);
  await page.keyboard.press('Escape');
  await show(page, 'supervisor');
  await visit('supervisor', page);
  await supervisor.close();

  const quality = await asUser(browser, 'quality.gz', language);
  page = quality.page;
  await show(page, 'reports');
  await expect(page.locator('.kpis button').first()).toBeVisible({ timeout: 20_000 });
  await visit('reports', page);
  await page.locator('.kpis button').first().click();
  await expect(page.locator('.drill')).toBeVisible();
  await visit('reports-drill-down', page);
  await page.getByRole('tab').nth(1).click();
  await visit('reports-assessment', page);
  await show(page, 'accessLog');
  await visit('access-log', page);
  await quality.close();

  const admin = await asUser(browser, 'admin', language);
  await show(admin.page, 'erasure');
  await visit('erasure', admin.page);
  await admin.close();
}
