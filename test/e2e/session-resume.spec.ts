import { expect, test } from '@playwright/test';
import { expectSynced, syncStatus, workstationFor } from './support/workstation';

/**
 * Reopening keeps a valid session: the desktop shell keeps the token in the
 * OS keychain (safeStorage); the browser build keeps it for the tab
 * (sessionStorage), so a reload resumes and a new tab asks to sign in again
 * while the user's local work stays open.
 */
test('a reload resumes the session and sync without signing in; a new tab keeps local work and asks to sign in again', async ({ browser }) => {
  test.setTimeout(120_000);
  const ws = await workstationFor(browser, 'agent.gz');
  const { page, context } = ws;
  await expectSynced(page);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);
  await expectSynced(page, 30_000);
  await expect(syncStatus(page)).not.toContainText('Session expired');

  // The browser build's documented limit: the token lives for the tab only.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 20_000 });
  await expect(syncStatus(other)).toContainText('Session expired', { timeout: 20_000 });
  await ws.close();
});
