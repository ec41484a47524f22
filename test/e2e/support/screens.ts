import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { registerComplaint, uniquePhone } from './ui';
import { apiFromPage, openWorkstation, signIn, type Workstation } from './workstation';

export type UiLanguage = 'en' | 'zh-CN';

/**
 * Called once per screen and language, when the screen shows its content in
 * that language; `name` is stable and file-name safe.
 */
export type VisitScreen = (name: string, page: Page, language: UiLanguage) => Promise<void>;

const LANGUAGE_SELECT = 'select:has(option[value="zh-CN"])';

/** One walk: the languages each screen is visited in, and what to do there. */
interface Walk {
  languages: readonly UiLanguage[];
  visit: VisitScreen;
}

async function displayLanguage(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The languages of the walk, the page's current one first: it needs no switch (and no dialog reopened). */
async function languageOrder(page: Page, languages: readonly UiLanguage[]): Promise<UiLanguage[]> {
  const current = await displayLanguage(page);
  const first = languages.filter((l) => l === current);
  return [...first, ...languages.filter((l) => l !== current)];
}

/** The title of what is on show: the open dialog's, else the screen's. */
function title(page: Page, inDialog: boolean): Locator {
  return inDialog ? page.getByRole('dialog').locator('h2').first() : page.locator('main h1').first();
}

/**
 * Switches the display language with the language control, whatever it is
 * called in the current language, and waits until the page has re-rendered
 * in it: the document's language, the control's own value (React's state,
 * not only the DOM's), and the title on show no longer the one it had.
 */
async function useLanguage(page: Page, language: UiLanguage, shownTitle: Locator): Promise<void> {
  const before = await shownTitle.innerText();
  const control = page.locator(LANGUAGE_SELECT).first();
  await control.selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(control).toHaveValue(language);
  await expect(shownTitle).not.toHaveText(before);
}

/** Visits the screen on show in every language of the walk; `ready` waits for what the screen shows besides its title. */
async function visitScreen(walk: Walk, page: Page, name: string, ready?: () => Promise<void>): Promise<void> {
  const order = await languageOrder(page, walk.languages);
  for (const [i, language] of order.entries()) {
    if (i > 0 || (await displayLanguage(page)) !== language) await useLanguage(page, language, title(page, false));
    await ready?.();
    await walk.visit(name, page, language);
  }
}

/**
 * Visits a dialog in every language of the walk. The language control is
 * behind the modal, out of a user's reach, so between languages the dialog is
 * closed, the language switched, and the dialog opened again. It is left open.
 */
async function visitDialog(walk: Walk, page: Page, name: string, open: () => Promise<void>, close: () => Promise<void>): Promise<void> {
  const order = await languageOrder(page, walk.languages);
  for (const [i, language] of order.entries()) {
    if (i > 0) {
      const before = await title(page, true).innerText();
      await close();
      await useLanguage(page, language, title(page, false));
      await open();
      await expect(title(page, true)).not.toHaveText(before);
    } else {
      if ((await displayLanguage(page)) !== language) await useLanguage(page, language, title(page, false));
      await open();
    }
    await walk.visit(name, page, language);
  }
}

/**
 * Visits a screen with a part whose text is fixed when it opens (the rows
 * behind a report figure name the figure as it read then): after each switch
 * the part is opened again, so it too reads in the new language.
 */
async function visitReopened(walk: Walk, page: Page, name: string, open: () => Promise<void>, opened: Locator): Promise<void> {
  const order = await languageOrder(page, walk.languages);
  for (const [i, language] of order.entries()) {
    if (i > 0 || (await displayLanguage(page)) !== language) {
      const before = await opened.innerText();
      await useLanguage(page, language, title(page, false));
      await open();
      await expect(opened).not.toHaveText(before);
    }
    await walk.visit(name, page, language);
  }
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

/** Shows a screen by its address and visits it in every language. */
async function showAndVisit(walk: Walk, page: Page, screen: string, name = screen): Promise<void> {
  await show(page, screen);
  await visitScreen(walk, page, name);
}

/** The first complaint of the screen's grid opened in the detail panel. */
async function openFirstRow(page: Page): Promise<void> {
  const row = page.locator('main [role=grid] .grid-row').first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(page.locator('article.detail h2, article.detail h1').first()).toBeVisible();
}

/** Waits out a smooth scroll that brings `part` into view: its place unchanged from one frame to the next. */
async function scrolledIntoView(part: Locator): Promise<void> {
  await part.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last = Number.NaN;
        const frame = () => {
          const top = el.getBoundingClientRect().top;
          if (top === last) resolve();
          else {
            last = top;
            requestAnimationFrame(frame);
          }
        };
        requestAnimationFrame(frame);
      }),
  );
}

async function closeDialogWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function asUser(browser: Browser, username: string, prepare?: (page: Page) => Promise<void>): Promise<Workstation> {
  const ws = await openWorkstation(browser);
  await signIn(ws.page, username);
  await prepare?.(ws.page);
  return ws;
}

/**
 * Walks every screen of the desk once, visiting each in every language of
 * `languages` (each user signs in once): the sign-in page, each role's
 * screens (intake with its soothing panel, the queues with a complaint's
 * detail open, callbacks, review, supervisor, reports and both tabs, the
 * access log, erasure, needs attention, outbox, settings) and the dialogs
 * (shortcuts, escalate, sign in again).
 */
export async function visitEveryScreen(browser: Browser, languages: readonly UiLanguage[], visit: VisitScreen): Promise<void> {
  const walk: Walk = { languages, visit };
  const start = await openWorkstation(browser);
  await start.page.goto('/');
  await expect(start.page.locator('input[type=password]')).toBeVisible();
  await visitScreen(walk, start.page, 'sign-in');
  await start.close();

  // The agent's own queue lists what they registered: one complaint, saved before the walk.
  const agent = await asUser(browser, 'agent.gz', async (p) => {
    await registerComplaint(p, { name: '林女士', phone: uniquePhone(), category: 'attitude', description: '坐席态度冷淡，多次打断客户', demands: '道歉' });
  });
  let page = agent.page;
  await show(page, 'new');
  await visitScreen(walk, page, 'intake-saved', () => expect(page.locator('output.number-big')).toBeVisible());
  await page.locator('.intake .actions-row button.btn:not(.primary)').click();
  await expect(page.locator('output.number-big')).toHaveCount(0);
  await visitScreen(walk, page, 'intake');
  await showAndVisit(walk, page, 'queue');
  await openFirstRow(page);
  await visitScreen(walk, page, 'queue-detail', () => expect(page.locator('article.detail')).toBeVisible());
  for (const screen of ['attention', 'outbox', 'settings']) await showAndVisit(walk, page, screen);
  await visitDialog(
    walk,
    page,
    'shortcuts-dialog',
    async () => {
      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    () => closeDialogWithEscape(page),
  );
  await closeDialogWithEscape(page);
  // The server revokes the session: the sync bar asks to sign in again, in a dialog.
  await apiFromPage(page, 'POST', '/api/auth/logout');
  const again = page.locator('.syncbar .expired button');
  await expect(again).toBeVisible({ timeout: 20_000 });
  await visitDialog(
    walk,
    page,
    'sign-in-again-dialog',
    async () => {
      await again.click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    () => closeDialogWithEscape(page),
  );
  await agent.close();

  const lead = await asUser(browser, 'lead.gz');
  page = lead.page;
  await showAndVisit(walk, page, 'callbacks');
  await showAndVisit(walk, page, 'team', 'team-queue');
  await lead.close();

  const officer = await asUser(browser, 'officer.gz');
  await showAndVisit(walk, officer.page, 'review');
  await officer.close();

  const supervisor = await asUser(browser, 'supervisor.gz');
  page = supervisor.page;
  await showAndVisit(walk, page, 'team', 'branch-queue');
  await openFirstRow(page);
  await page.locator('article.detail details.action summary').first().click();
  await visitScreen(walk, page, 'branch-queue-detail-action', () => expect(page.locator('article.detail details.action[open]').first()).toBeVisible());
  const escalate = page.locator('article.detail .detail-head button, article.detail button').filter({ hasText: /Escalate|升级/ }).first();
  await visitDialog(
    walk,
    page,
    'escalate-dialog',
    async () => {
      await escalate.click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    () => closeDialogWithEscape(page),
  );
  await closeDialogWithEscape(page);
  await showAndVisit(walk, page, 'supervisor');
  await supervisor.close();

  const quality = await asUser(browser, 'quality.gz');
  page = quality.page;
  await show(page, 'reports');
  const kpis = page.locator('.kpis button');
  await expect(kpis.first()).toBeVisible({ timeout: 20_000 });
  await visitScreen(walk, page, 'reports', () => expect(kpis.first()).toBeVisible());
  const drill = page.locator('.drill h3');
  const drillDown = async () => {
    await kpis.first().click();
    await expect(drill).toBeInViewport();
    await scrolledIntoView(drill);
  };
  await drillDown();
  await visitReopened(walk, page, 'reports-drill-down', drillDown, drill);
  // The assessment tab keeps the rows opened on the figures' tab below it.
  const tabs = page.getByRole('tab');
  const assessment = async () => {
    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  };
  await assessment();
  await visitReopened(
    walk,
    page,
    'reports-assessment',
    async () => {
      await tabs.nth(0).click();
      await drillDown();
      await assessment();
    },
    drill,
  );
  await showAndVisit(walk, page, 'accessLog', 'access-log');
  await quality.close();

  const admin = await asUser(browser, 'admin');
  await showAndVisit(walk, admin.page, 'erasure');
  await admin.close();
}
