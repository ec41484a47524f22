import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiFromPage, expectSynced, workstationFor } from './support/workstation';
import { goTo, registerAndFile, uniquePhone } from './support/ui';

test('the quality manager opens the reports, drills into a figure and exports CSV and XLSX with masked phones', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const phone = uniquePhone();
  const number = await registerAndFile(agent.page, {
    name: '钱女士',
    phone,
    category: 'attitude',
    description: '话务员催促挂机，问题没有解决',
    demands: '要求道歉',
    agentJobNumbers: '1001',
  });
  await expectSynced(agent.page);

  const quality = await workstationFor(browser, 'quality.gz');
  await expectSynced(quality.page);
  await goTo(quality.page, 'Reports');
  const page = quality.page;
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();

  // The figure on the card is the server's figure for the same period and scope.
  const from = await page.getByLabel('From').inputValue();
  const to = await page.getByLabel('To').inputValue();
  // A KPI's accessible name carries its value.
  const received = page.getByRole('button', { name: /^Show the complaints behind Received: \d+$/ });
  await expect(received).toBeVisible();
  await expect
    .poll(async () => {
      const server = await apiFromPage<{ totals: { received: { count: number } } }>(page, 'GET', `/api/reports/summary?from=${from}&to=${to}`);
      const shown = (await received.innerText()).match(/\d+/)?.[0];
      const named = (await received.getAttribute('aria-label'))?.match(/: (\d+)$/)?.[1];
      return server.status === 200 && String(server.json.totals.received.count) === shown && named === shown;
    }, { timeout: 20_000 })
    .toBe(true);

  // The complaints behind the number, one click away, the phone masked for this role.
  await received.click();
  const behind = page.getByRole('region', { name: 'Complaints behind the figure' });
  const row = behind.getByRole('row').filter({ hasText: number });
  await expect(row).toBeVisible();
  // The drill-down opens where the user is looking, not below the fold.
  await expect(behind.getByRole('heading')).toBeInViewport();
  await expect(row).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await expect(behind).not.toContainText(phone);

  // CSV: BOM, the complaint's row, no full phone number.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await csvDownload.path()) as string, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(number);
  expect(csv).not.toContain(phone);

  // XLSX: three sheets that read back, the complaint among the rows.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  const bytes = await readFile((await xlsxDownload.path()) as string);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(3);
  const numbers = wb.worksheets[1]?.getColumn(1).values ?? [];
  expect(numbers).toContain(number);
  expect(JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()))).not.toContain(phone);

  // The assessment tab explains the pending decision; the record prints from there.
  await page.getByRole('tab', { name: 'Assessment' }).click();
  const decisions = page.getByRole('table', { name: 'Decisions' });
  await expect(decisions.getByRole('row').filter({ hasText: number })).toContainText('Waiting for the notification');
  await decisions.getByRole('button', { name: `Print the record of ${number}` }).click();
  const record = page.getByRole('article', { name: `Complaint record ${number}` });
  await expect(record).toContainText('话务员催促挂机');
  await expect(record).not.toContainText(phone);

  await agent.context.close();
  await quality.context.close();
});
