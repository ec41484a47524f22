import { expect, test } from '@playwright/test';
import { apiFromPage, expectSynced, workstationFor } from './support/workstation';
import { complaintsGrid, expectNotOnWorkstation, goTo, openSyncedFromQueue, queueRow, registerAndFile, uniquePhone } from './support/ui';

test('an agent of another branch never sees a complaint of gz', async ({ browser }) => {
  const gz = await workstationFor(browser, 'agent.gz');
  const phone = uniquePhone();
  const number = await registerAndFile(gz.page, {
    name: '欧阳先生',
    phone,
    category: 'price',
    description: '套餐资费与番禺宣传单不符，广州营业厅拒绝解释',
    demands: '按宣传价格收费',
  });
  const complaintId = await openSyncedFromQueue(gz.page, number);

  const dg = await workstationFor(browser, 'agent.dg');
  const { page } = dg;
  await expectSynced(page);

  // Not in the queue.
  await goTo(page, 'Queue');
  await expect(complaintsGrid(page)).toBeVisible();
  await expect(queueRow(page, number)).toHaveCount(0);

  // Search finds nothing by number, by phone digits, by name, or by Chinese words of the description;
  // the direct address of the complaint opens nothing.
  await expectNotOnWorkstation(page, { number, complaintId }, [number, phone.slice(-6), '欧阳先生', '番禺宣传单']);

  // The server holds the line too: no existence leak, and no event of it in the branch's pull.
  const direct = await apiFromPage<unknown>(page, 'GET', `/api/complaints/${encodeURIComponent(complaintId)}`);
  expect(direct.status).toBe(404);
  const pulled = await apiFromPage<{ documents: { complaintId: string }[] }>(page, 'GET', '/api/sync/events/pull?limit=1000');
  expect(pulled.status).toBe(200);
  expect(pulled.json.documents.filter((d) => d.complaintId === complaintId)).toEqual([]);

  // The same search on the gz workstation does find it (the searches above could have found it).
  const gzSearch = gz.page.getByRole('searchbox', { name: 'Search' });
  await gzSearch.fill('番禺宣传单');
  await expect(gz.page.getByRole('button').filter({ hasText: number })).toBeVisible();

  await Promise.all([gz.close(), dg.close()]);
});
