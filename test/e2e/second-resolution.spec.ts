import { expect, test } from '@playwright/test';
import { expectSynced, workstationFor } from './support/workstation';
import { detailOf, goTo, openAction, registerAndFile, timeline, uniquePhone } from './support/ui';

const HOUR_MS = 3_600_000;

test('二解: the lead calls back within the spacing rule, adds the mid-course note, and the officer revokes', async ({ browser }) => {
  // The lead's and the officer's clocks are faked (still flowing) so the test can jump past the 3-hour spacing.
  const agent = await workstationFor(browser, 'agent.gz');
  const officer = await workstationFor(browser, 'officer.gz', { clock: true });
  const lead = await workstationFor(browser, 'lead.gz', { clock: true });

  const number = await registerAndFile(agent.page, {
    name: '赵先生',
    phone: uniquePhone(),
    category: 'attitude',
    description: '话务员语气不耐烦，未解释清楚套餐变更',
    demands: '要求道歉并解释',
    agentJobNumbers: '1002',
  });
  await expectSynced(agent.page);

  // The officer notifies the complained-about agent (job number 1002) and the team's lead.
  await goTo(officer.page, 'Review');
  await officer.page.getByRole('grid', { name: 'Complaints' }).getByRole('row').filter({ hasText: number }).click({ timeout: 20_000 });
  const officerDetail = detailOf(officer.page, number);
  const notify = await openAction(officer.page, 'Notify agent and lead');
  await expect(notify.getByLabel('Agents')).toHaveValue('user-agent2.gz');
  await expect(notify.getByLabel('Team leads')).toHaveValue('user-lead.gz');
  await notify.getByRole('button', { name: 'Notify agent and lead' }).click();
  await expect(officerDetail).toContainText('Awaiting callback');
  await expectSynced(officer.page);

  // The lead's first attempt: the customer is not reached.
  await goTo(lead.page, 'Callbacks');
  const card = lead.page.getByRole('button').filter({ hasText: number });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await card.click();
  const leadDetail = detailOf(lead.page, number);
  let attempt = await openAction(lead.page, 'Log attempt');
  await attempt.getByLabel('Callback serial').fill('HF-20261123-0001');
  await expect(attempt.getByLabel('Customer reached')).not.toBeChecked();
  await attempt.getByRole('button', { name: 'Log attempt' }).click();
  await expect(leadDetail).toContainText('Attempts: 1 of 3');

  // A second attempt right away breaks the 3-hour spacing rule: the form says so and records it only when confirmed
  // (the server records and flags it the same way).
  attempt = await openAction(lead.page, 'Log attempt');
  await expect(attempt).toContainText('Sooner than 3 h after the previous attempt');
  await attempt.getByLabel('Callback serial').fill('HF-20261123-0009');
  await attempt.getByRole('button', { name: 'Log attempt' }).click();
  await expect(attempt).toContainText('Tick “Record it anyway” to record it.');
  await expect(leadDetail).toContainText('Attempts: 1 of 3');
  await expectSynced(lead.page);

  // Three hours and a bit later on both workstations.
  const jump = 3 * HOUR_MS + 5 * 60_000;
  await lead.page.clock.fastForward(jump);
  await officer.page.clock.fastForward(jump);

  attempt = await openAction(lead.page, 'Log attempt');
  await expect(attempt).not.toContainText('Sooner than', { timeout: 35_000 });
  await attempt.getByLabel('Callback serial').fill('HF-20261123-0002');
  await attempt.getByLabel('Customer reached').check();
  await attempt.getByLabel('Customer accepted').check();
  await attempt.getByRole('button', { name: 'Log attempt' }).click();
  await expect(leadDetail).toContainText('Attempts: 2 of 3');

  // The mid-course note from the norm's template.
  const note = await openAction(lead.page, 'Mid-course note (中途意见)');
  await note.getByLabel('Complained-about call serial').fill('LY-20261123-7788');
  await note.getByLabel('Agent’s conduct or problem').fill('语气生硬');
  await note.getByLabel('Complaint founded (属实)').selectOption('yes');
  await note.getByLabel('Customer accepts').selectOption('yes');
  await note.getByLabel('Callback serial').fill('HF-20261123-0002');
  await expect(note).toContainText(
    'Listened to recording LY-20261123-7788; agent: 语气生硬; complaint founded; after contacting the customer and explaining, the customer accepted; callback serial HF-20261123-0002.',
  );
  await note.getByRole('button', { name: 'Add mid-course note' }).click();
  // The record keeps the norm's Chinese wording.
  await expect(leadDetail).toContainText('经听LY-20261123-7788录音,话务员语气生硬,客户投诉情况属实,经联系客户解释,客户接受,回访流水号HF-20261123-0002.');
  await expectSynced(lead.page);

  // The officer reviews the callback: soothing succeeded, the complaint is revoked.
  await expect(officerDetail).toContainText('经听LY-20261123-7788录音', { timeout: 20_000 });
  const review = await openAction(officer.page, 'Review the callback');
  await review.getByLabel('Review the callback').selectOption('revoked');
  await review.getByRole('button', { name: 'Review the callback' }).click();
  await expect(officerDetail).toContainText('Revoked (soothing succeeded)');
  await expectSynced(officer.page);

  // Everyone converges on the revoked complaint, with the whole 二解 history.
  await expect(leadDetail).toContainText('Revoked (soothing succeeded)', { timeout: 20_000 });
  for (const page of [officer.page, lead.page]) {
    const entries = timeline(page).getByRole('listitem');
    await expect(entries.filter({ hasText: 'Callback attempt' })).toHaveCount(2);
    await expect(entries.filter({ hasText: 'Mid-course note' })).toHaveCount(1);
    await expect(entries.filter({ hasText: 'Officer review' })).toHaveCount(1);
    await expect(timeline(page).locator('[data-state="applied"]')).toHaveCount(await entries.count());
    await expect(timeline(page)).not.toContainText('rejected:');
  }

  await Promise.all([agent.close(), officer.close(), lead.close()]);
});
