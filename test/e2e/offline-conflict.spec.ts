import { expect, test, type Page } from '@playwright/test';
import { apiFromPage, expectSynced, syncStatus, workstationFor } from './support/workstation';
import { detailOf, goTo, openAction, openComplaintId, openFromGrid, registerAndFile, timeline, uniquePhone } from './support/ui';

interface ServerProjection {
  status: string;
  resolution: { text: string; actorId: string } | null;
  timeline: { eventId: string; state: string; actorId: string; type: string }[];
}

async function recordResolution(page: Page, number: string, text: string): Promise<void> {
  const form = await openAction(page, 'Resolution');
  await form.getByLabel('What was done').fill(text);
  await form.getByRole('button', { name: 'Record resolution' }).click();
  // Resolved locally at once (the form goes away with the state that offered it).
  await expect(detailOf(page, number)).toContainText(text);
  await expect(detailOf(page, number)).toContainText('Resolved');
}

test('two workstations resolve the same complaint offline and converge on one winner', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const number = await registerAndFile(agent.page, {
    name: '何女士',
    phone: uniquePhone(),
    category: 'product_quality',
    description: '新买的路由器三天就坏了，要求更换',
    demands: '更换新机',
  });
  await expectSynced(agent.page);

  const officer = await workstationFor(browser, 'officer.gz');
  const supervisor = await workstationFor(browser, 'supervisor.gz');
  for (const ws of [officer, supervisor]) {
    await goTo(ws.page, 'Branch queue');
    await openFromGrid(ws.page, number);
    await expect(detailOf(ws.page, number)).toContainText('Work order filed');
  }
  const complaintId = openComplaintId(officer.page);

  await officer.goOffline();
  await supervisor.goOffline();
  await recordResolution(officer.page, number, '已为客户更换新路由器（综援员）');
  await recordResolution(supervisor.page, number, '同意退货退款（主管）');
  for (const ws of [officer, supervisor]) {
    await expect(syncStatus(ws.page)).toContainText('Offline');
    await expect(syncStatus(ws.page)).toContainText('1 pending');
  }

  await officer.goOnline();
  await supervisor.goOnline();
  await expectSynced(officer.page);
  await expectSynced(supervisor.page);

  // Both timelines hold both resolutions: one applied, the other struck through as superseded, with why.
  for (const ws of [officer, supervisor]) {
    const resolutions = timeline(ws.page).getByRole('listitem').filter({ hasText: 'Resolution' });
    await expect(resolutions).toHaveCount(2, { timeout: 20_000 });
    await expect(resolutions.filter({ hasText: 'superseded' })).toHaveCount(1);
    await expect(resolutions.filter({ hasText: 'superseded' })).toContainText('Already resolved by an earlier resolution');
    await expect(timeline(ws.page)).not.toContainText('not yet synced');
    await expect(detailOf(ws.page, number)).toContainText('Resolved');
  }

  // The same winner everywhere: the workstations show the same history, and so does the server.
  const officerView = await timeline(officer.page).innerText();
  const supervisorView = await timeline(supervisor.page).innerText();
  expect(supervisorView).toBe(officerView);
  const winner = await timeline(officer.page).locator('li[data-state="applied"]').filter({ hasText: 'Resolution' }).innerText();
  const loser = await timeline(officer.page).locator('li[data-state="superseded"]').filter({ hasText: 'Resolution' }).innerText();
  const winnerIsOfficer = winner.includes('(1201)');
  expect(winnerIsOfficer ? loser : winner).toContain('(1401)');
  const winningText = winnerIsOfficer ? '已为客户更换新路由器（综援员）' : '同意退货退款（主管）';
  const losingText = winnerIsOfficer ? '同意退货退款（主管）' : '已为客户更换新路由器（综援员）';
  for (const ws of [officer, supervisor]) {
    await expect(detailOf(ws.page, number)).toContainText(winningText);
    await expect(detailOf(ws.page, number)).not.toContainText(losingText);
  }

  const fromOfficer = await apiFromPage<ServerProjection>(officer.page, 'GET', `/api/complaints/${encodeURIComponent(complaintId)}`);
  const fromSupervisor = await apiFromPage<ServerProjection>(supervisor.page, 'GET', `/api/complaints/${encodeURIComponent(complaintId)}`);
  expect(fromOfficer.status).toBe(200);
  expect(fromSupervisor.json).toEqual(fromOfficer.json);
  expect(fromOfficer.json.status).toBe('resolved');
  expect(fromOfficer.json.resolution?.text).toBe(winningText);
  const serverResolutions = fromOfficer.json.timeline.filter((t) => t.type === 'resolution.recorded');
  expect(serverResolutions.map((t) => t.state).sort()).toEqual(['applied', 'superseded']);

  await Promise.all([agent.close(), officer.close(), supervisor.close()]);
});
