import { expect, test } from '@playwright/test';
import { workstationFor } from './support/workstation';
import { registerComplaint, uniquePhone } from './support/ui';

async function ring(page: import('@playwright/test').Page, query: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/call?${query}`);
}

test('a call from the phone system opens intake with the caller’s number, the call serial and the caller’s earlier complaints', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const { page } = agent;
  const phone = uniquePhone();
  const earlier = await registerComplaint(page, { name: '韩先生', phone, category: 'price', description: '套餐资费与宣传不符', demands: '退差价' });

  // The queue is open when the next call from the same number rings.
  await page.getByRole('link', { name: 'Queue' }).click();
  await ring(page, `ani=${phone}&serial=CALL-2026-0042`);
  await expect(page).toHaveURL(/#\/new$/);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue(phone);
  await expect(page.getByLabel('Call serial', { exact: true })).toHaveValue('CALL-2026-0042');
  await expect(page.getByRole('textbox', { name: 'Customer name' })).toHaveValue('');
  const history = page.getByRole('region', { name: 'Earlier complaints from this number (1)' });
  await expect(history).toContainText(earlier);

  // A link that is not a valid call fills nothing: the number is digits only.
  await page.getByRole('textbox', { name: 'Phone' }).fill('');
  await page.getByLabel('Call serial', { exact: true }).fill('');
  await ring(page, 'ani=1380013%3Cb%3E&serial=x');
  await expect(page).toHaveURL(/#\/new$/);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue('');
  await expect(page.getByLabel('Call serial', { exact: true })).toHaveValue('');

  await agent.close();
});
