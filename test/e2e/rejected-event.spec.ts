import { expect, test } from '@playwright/test';
import { apiFromPage, pushPastTheUi, workstationFor } from './support/workstation';
import { detailOf, goTo, openSyncedFromQueue, registerAndFile, registerComplaint, timeline, uniquePhone } from './support/ui';

interface StoredEvent {
  id: string;
  status?: 'accepted' | 'rejected';
  reason?: { code: string; message: string };
}

test('an event the role may not write lands in "Needs attention" with the server\'s reason and blocks nothing else', async ({ browser }) => {
  const agent = await workstationFor(browser, 'agent.gz');
  const { page } = agent;
  const number = await registerAndFile(page, {
    name: '钱先生',
    phone: uniquePhone(),
    category: 'business_error',
    description: '话费多扣了三十元，坐席答复错误',
    demands: '退还多扣话费',
  });
  const complaintId = await openSyncedFromQueue(page, number);

  // Agents may not close complaints; the UI offers no such action, so the
  // event is forced through the sync protocol with this workstation's own token.
  await expect(detailOf(page, number)).not.toContainText('Close complaint');
  const pushed = await pushPastTheUi<'complaint.closed', StoredEvent[]>(page, { type: 'complaint.closed', complaintId, payload: { note: '客户已满意' } }, '00000000e2e00001');
  expect(pushed.status).toBe(200);
  expect(pushed.json).toHaveLength(1);
  expect(pushed.json[0]?.status).toBe('rejected');
  const reason = pushed.json[0]?.reason;
  expect(reason?.code).toBe('role_not_allowed');

  // The client pulls its own rejected event: it never vanishes, it waits in "Needs attention".
  // agent.gz is shared with other specs, whose refused changes may be listed too: wait for this one, not a count.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: /^Needs attention \d+$/ })).toBeVisible({ timeout: 20_000 });
  await goTo(page, 'Needs attention');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toContainText(number, { timeout: 20_000 });
  await expect(attention).toContainText(reason!.message);
  await expect(attention).toContainText('Your role or branch may not make this change');

  // The complaint itself is untouched; its timeline keeps the refused event, marked with the reason.
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Closed' })).toContainText(`rejected: ${reason!.message}`);
  const first = await apiFromPage<{ status: string }>(page, 'GET', `/api/complaints/${encodeURIComponent(complaintId)}`);
  expect(first.json.status).toBe('filed');
  await expect(detailOf(page, number)).toContainText('Work order filed');

  // Nothing is blocked: the next complaint syncs as usual.
  const next = await registerComplaint(page, {
    name: '孙女士',
    phone: uniquePhone(),
    category: 'delivery_delay',
    description: '宽带安装预约超过一周仍未上门',
    demands: '尽快安装',
  });
  const nextId = await openSyncedFromQueue(page, next);
  const onServer = await apiFromPage<{ number: string; status: string }>(page, 'GET', `/api/complaints/${encodeURIComponent(nextId)}`);
  expect(onServer.status).toBe(200);
  expect(onServer.json.number).toBe(next);
  await goTo(page, 'Needs attention');
  await expect(attention).toContainText(number);
  await expect(attention).not.toContainText(next);

  await agent.close();
});
