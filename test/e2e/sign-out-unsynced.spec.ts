import { expect, test } from '@playwright/test';
import { expectSynced, syncStatus, workstationFor, signIn } from './support/workstation';
import { registerComplaint, uniquePhone } from './support/ui';

test('signing out with unsynced work warns, keeps it for that user, and signing in again syncs it', async ({ browser }) => {
  test.setTimeout(180_000);
  const ws = await workstationFor(browser, 'agent.gz');
  const { page } = ws;
  await expectSynced(page);
  await ws.goOffline();
  await registerComplaint(page, { name: '欧先生', phone: uniquePhone(), category: 'price', description: '离线登记的投诉' });
  await expect(syncStatus(page)).toContainText(/\b1 pending\b/, { timeout: 20_000 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Changes not yet synced' });
  await expect(dialog).toContainText('Changes made here and not yet on the server: 1.');
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog', { name: 'Changes not yet synced' }).getByRole('button', { name: 'Sign out and keep them' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await ws.goOnline();
  await signIn(page, 'agent.gz');
  await expectSynced(page, 30_000);
  await ws.close();
});
