import { expect, type Page } from '@playwright/test';
import { expectSynced } from './workstation';

export interface IntakeInput {
  name: string;
  phone: string;
  /** The category's option value (e.g. 'attitude'). */
  category: string;
  description: string;
  demands?: string;
  /** Job numbers of the complained-about agents (a service-quality complaint). */
  agentJobNumbers?: string;
}

/** A phone number no other test uses: search and repeat checks stay to this test's own complaints. */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** How long a save may take to show its result; the config's expect timeout unless a spec gives more. */
export interface SaveWait {
  timeout?: number;
}

/** Fills the intake form with the contract's names and saves; returns the number shown to read out. */
export async function registerComplaint(page: Page, input: IntakeInput, wait: SaveWait = {}): Promise<string> {
  await page.getByRole('link', { name: 'New complaint' }).click();
  const another = page.getByRole('button', { name: 'Start another complaint' });
  if (await another.isVisible()) await another.click();
  await page.getByRole('textbox', { name: 'Customer name' }).fill(input.name);
  await page.getByRole('textbox', { name: 'Phone' }).fill(input.phone);
  await page.getByRole('combobox', { name: 'Channel' }).selectOption('phone');
  await page.getByRole('combobox', { name: 'Customer type' }).selectOption('ordinary');
  await page.getByRole('combobox', { name: 'Category' }).selectOption(input.category);
  await page.getByRole('textbox', { name: 'Description' }).fill(input.description);
  if (input.agentJobNumbers) await page.getByLabel('Agent job numbers (comma separated)').fill(input.agentJobNumbers);
  if (input.demands) await page.getByRole('textbox', { name: 'Demands' }).fill(input.demands);
  await page.getByRole('button', { name: 'Save complaint' }).click();
  const number = page.getByLabel('Complaint number');
  await expect(number).toHaveText(/\S+/, wait);
  return (await number.innerText()).trim();
}

/** The three soothing steps done, then the work order filed from the soothing panel. */
export async function sootheAndFile(page: Page, wait: SaveWait = {}): Promise<void> {
  for (const step of ['Calmed the customer', 'Understood the cause', 'Offered a solution']) {
    await page.getByRole('checkbox', { name: step }).check();
  }
  await page.getByRole('button', { name: 'File work order' }).click();
  await expect(page.getByText('Work order filed.')).toBeVisible(wait);
}

export async function registerAndFile(page: Page, input: IntakeInput, wait: SaveWait = {}): Promise<string> {
  const number = await registerComplaint(page, input, wait);
  await sootheAndFile(page, wait);
  return number;
}

export function complaintsGrid(page: Page) {
  return page.getByRole('grid', { name: 'Complaints' });
}

export function queueRow(page: Page, number: string) {
  return complaintsGrid(page).getByRole('row').filter({ hasText: number });
}

/** The open complaint's detail (the right panel), found by its number heading. */
export function detailOf(page: Page, number: string) {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: number }) });
}

/** Opens a complaint from a grid on the current screen and waits for its detail. */
export async function openFromGrid(page: Page, number: string, timeout = 20_000): Promise<void> {
  await expect(queueRow(page, number)).toBeVisible({ timeout });
  await queueRow(page, number).click();
  await expect(page.getByRole('heading', { name: number })).toBeVisible();
}

/** Goes to a screen by its navigation link (names may carry a count, e.g. "Outbox 2"). */
export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: new RegExp(`^${name}( \\d+)?$`) }).click();
}

/** The id of the complaint open in the detail, read from the address (#/<screen>/<id>). */
export function openComplaintId(page: Page): string {
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  if (!id) throw new Error(`no complaint open at ${page.url()}`);
  return id;
}

/** Once this workstation has synced, opens the complaint from the queue; answers its id. */
export async function openSyncedFromQueue(page: Page, number: string): Promise<string> {
  await expectSynced(page);
  await goTo(page, 'Queue');
  await openFromGrid(page, number);
  return openComplaintId(page);
}

/**
 * The complaint is nowhere on this workstation: none of the searches finds
 * anything, and its direct address opens nothing.
 */
export async function expectNotOnWorkstation(page: Page, complaint: { number: string; complaintId: string }, searches: readonly string[]): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const text of searches) {
    await search.fill(text);
    await expect(page.getByText('Nothing found on this workstation.')).toBeVisible();
  }
  await search.fill('');
  await page.goto(`/#/queue/${encodeURIComponent(complaint.complaintId)}`);
  await expect(page.getByText('This complaint is not on this workstation.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: complaint.number })).toHaveCount(0);
}

export function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}

/** The timeline's entries, each as its visible text. */
export async function timelineEntries(page: Page): Promise<string[]> {
  return timeline(page).getByRole('listitem').allInnerTexts();
}

/** Opens one of the detail's action forms (folded by default) by its title. */
export async function openAction(page: Page, title: string) {
  const action = page.locator('details.action').filter({ has: page.locator('summary', { hasText: new RegExp(`^${escape(title)}$`) }) });
  await expect(action).toHaveCount(1);
  if ((await action.getAttribute('open')) === null) await action.locator('summary').click();
  return action;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
