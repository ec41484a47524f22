import { expect, test } from '@playwright/test';
import { DRAFT_STORAGE_KEY } from '../../renderer/state/intake-draft-store';
import { workstationFor } from './support/workstation';
import { uniquePhone } from './support/ui';

/**
 * A half-typed intake survives a reload (a crash or restart mid-call), and
 * what localStorage keeps of it meanwhile is sealed with the workstation's
 * key: the caller's name, phone and words are not readable there.
 */
test('an intake draft is sealed in localStorage and comes back after a reload', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const { page } = agent;
  const phone = uniquePhone();
  const name = '诸葛晓雯';
  const description = '宽带报修三次无人上门';

  await page.getByRole('link', { name: 'New complaint' }).click();
  const another = page.getByRole('button', { name: 'Start another complaint' });
  if (await another.isVisible()) await another.click();
  await page.getByRole('textbox', { name: 'Customer name' }).fill(name);
  await page.getByRole('textbox', { name: 'Phone' }).fill(phone);
  await page.getByRole('textbox', { name: 'Description' }).pressSequentially(description);

  const stored = () => page.evaluate((key) => window.localStorage.getItem(key), DRAFT_STORAGE_KEY);
  // Each write is sealed asynchronously: wait until the last one landed (the item stops changing).
  let atRest = '';
  await expect
    .poll(async () => {
      const before = await stored();
      await page.waitForTimeout(300);
      const now = await stored();
      if (now === before && now) atRest = now;
      return now === before && (now?.startsWith('hd1.') ?? false);
    })
    .toBe(true);
  for (const clear of [name, '诸葛', phone, phone.slice(-6), '宽带']) expect(atRest).not.toContain(clear);

  await page.reload();
  await page.getByRole('link', { name: 'New complaint' }).click();
  await expect(page.getByText('Your unsaved draft was restored.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Customer name' })).toHaveValue(name);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue(phone);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(description);
  expect((await stored())?.startsWith('hd1.')).toBe(true);

  await agent.close();
});
