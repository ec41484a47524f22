import { expect, test } from '@playwright/test';
import { expectSynced, syncStatus, workstationFor } from './support/workstation';
import { complaintsGrid, goTo, openFromGrid, queueRow, registerAndFile, timeline, timelineEntries, uniquePhone } from './support/ui';

test('an agent works a complaint offline, reloads, and the supervisor sees it once the agent is back online', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const supervisor = await workstationFor(browser, 'supervisor.gz');
  const { page } = agent;

  await agent.goOffline();
  await expect(syncStatus(page)).toContainText('Offline');

  const number = await registerAndFile(page, {
    name: '林女士',
    phone: uniquePhone(),
    category: 'attitude',
    description: '话务员态度冷淡，多次催促客户挂机',
    demands: '要求道歉',
    agentJobNumbers: '1002',
  });

  await goTo(page, 'Queue');
  await openFromGrid(page, number);
  await page.getByRole('button', { name: 'Escalate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('客户情绪激动，要求主管处理');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  // Created, soothed, filed, escalated: four events wait on this workstation.
  await expect(syncStatus(page)).toContainText('Offline');
  await expect(syncStatus(page)).toContainText('4 pending');

  await page.reload();
  await expect(syncStatus(page)).toContainText('Offline', { timeout: 20_000 });
  await expect(syncStatus(page)).toContainText('4 pending');
  await goTo(page, 'Queue');
  await expect(queueRow(page, number)).toContainText('not yet synced');
  await openFromGrid(page, number);
  await expect(timeline(page).getByRole('listitem')).toHaveCount(4);
  await expect(timeline(page).getByText('not yet synced')).toHaveCount(4);

  // The supervisor has been watching the branch queue all along; nothing of it arrived yet.
  await goTo(supervisor.page, 'Branch queue');
  await expect(complaintsGrid(supervisor.page)).toBeVisible();
  await expect(queueRow(supervisor.page, number)).toHaveCount(0);

  await agent.goOnline();
  await expectSynced(page);
  await expect(timeline(page).getByText('not yet synced')).toHaveCount(0);

  await expect(queueRow(supervisor.page, number)).toBeVisible({ timeout: 15_000 });
  await openFromGrid(supervisor.page, number);
  const entries = timeline(supervisor.page).getByRole('listitem');
  await expect(entries).toHaveCount(4);
  const texts = await timelineEntries(supervisor.page);
  const kinds = ['Complaint registered', 'Soothing recorded', 'Work order filed', 'Escalated'];
  kinds.forEach((kind, i) => {
    expect(texts[i]).toContain(kind);
    // Written by the agent (the directory shows name and job number).
    expect(texts[i]).toContain('(1001)');
  });
  await expect(supervisor.page.getByRole('article')).toContainText('Escalated to');

  await agent.close();
  await supervisor.close();
});
