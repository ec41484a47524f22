import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EventFactory } from '../../server/test-support/harness';
import { pullAll } from '../../bench/lib/api-client';
import { freePort, startHubProcess, type HubProcess } from '../integration/hub-process';
import { startTcpProxy, type TcpProxy } from '../integration/tcp-proxy';
import { expectSynced, syncStatus, workstationFor } from './support/workstation';
import { detailOf, goTo, openAction, openComplaintId, openFromGrid, registerAndFile, timeline, uniquePhone } from './support/ui';

/**
 * A branch on a hub through a WAN outage, as its people see it: the e2e
 * server is central; a hub (`npm run server` with UPSTREAM_*, its own
 * PGlite, serving the web client to the branch) reaches it through a
 * loopback TCP proxy the test cuts and restores.
 */
const HUB_PASSWORD = 'branch-hub-e2e-password-7';
/** Three servers and three browsers on two cores: a save may take longer to show than the config's default wait. */
const SLOW = { timeout: 30_000 };

interface Health {
  upstream?: { connected: boolean; lastSyncAt: string | null; pendingUp: number; confirmedThrough?: number };
}

function centralUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set');
  return url;
}

async function asAdmin(method: 'POST' | 'PATCH', urlPath: string, body: unknown): Promise<Record<string, unknown>> {
  const login = await fetch(`${centralUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${centralUrl()}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

let hub: HubProcess;
let wan: TcpProxy;
let dataDir: string;
let hubUserId: string | undefined;

async function hubLogin(username: string): Promise<{ token: string; user: { id: string } }> {
  const res = await fetch(`${hub.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`${username} could not sign in at the hub: ${res.status}`);
  return (await res.json()) as { token: string; user: { id: string } };
}

async function upstream(): Promise<NonNullable<Health['upstream']>> {
  const health = (await (await fetch(`${hub.url}/health`)).json()) as Health;
  if (!health.upstream) throw new Error('the hub does not report its upstream link');
  return health.upstream;
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const username = `hub.gz.e2e-${Date.now().toString(36)}`;
  const created = await asAdmin('POST', '/api/admin/users', { username, password: HUB_PASSWORD, role: 'hub', branchId: 'gz', displayName: 'Hub GZ (e2e)' });
  hubUserId = (created.user as { id: string }).id;
  wan = await startTcpProxy(Number(new URL(centralUrl()).port));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-e2e-hub-'));
  const clientDir = process.env.E2E_CLIENT_DIR;
  if (!clientDir) throw new Error('E2E_CLIENT_DIR is not set');
  hub = await startHubProcess({
    port: await freePort(),
    dataDir,
    upstreamUrl: wan.url,
    username,
    password: HUB_PASSWORD,
    env: { CLIENT_DIR: clientDir },
  });
  await expect.poll(async () => (await upstream()).lastSyncAt, { timeout: 60_000, message: "the hub's first sync with central" }).not.toBeNull();
});

test.afterAll(async () => {
  await hub?.stop();
  await wan?.close();
  // Central's list of hubs for gz stays as the other specs expect it.
  if (hubUserId) await asAdmin('PATCH', `/api/admin/users/${hubUserId}`, { disabled: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every entry of the open complaint's timeline carries this sync mark (data-sync). */
async function expectTimelineMarked(page: Page, mark: string, count: number): Promise<void> {
  const entries = timeline(page).getByRole('listitem');
  await expect(entries).toHaveCount(count, { timeout: 20_000 });
  await expect(timeline(page).locator(`li[data-sync="${mark}"]`)).toHaveCount(count, { timeout: 20_000 });
}

test('a branch on its hub works as a team through a WAN outage, and central sees the whole timeline after it', async ({ browser }) => {
  test.setTimeout(120_000);
  const agent = await workstationFor(browser, 'agent.gz', { baseUrl: hub.url });
  const lead = await workstationFor(browser, 'lead.gz', { baseUrl: hub.url });
  // Each replica's first sync from the hub is over before work starts (a save waits for the projection).
  for (const page of [agent.page, lead.page]) {
    await expectSynced(page, 60_000);
    await expect(syncStatus(page)).not.toContainText('First sync', { timeout: 60_000 });
  }

  wan.cut();
  await expect.poll(async () => (await upstream()).connected, { timeout: 20_000, message: 'the hub to notice the WAN is down' }).toBe(false);

  // The agent registers and files; the hub confirms at once, central cannot yet.
  const number = await registerAndFile(agent.page, {
    name: '钟女士',
    phone: uniquePhone(),
    category: 'attitude',
    description: '营业厅断网期间话务员态度冷淡',
    demands: '要求回访说明',
    agentJobNumbers: '1002',
  }, SLOW);
  await expectSynced(agent.page);

  // The lead two desks away sees it through the hub and makes the 二解 callback.
  await goTo(lead.page, 'Team queue');
  await openFromGrid(lead.page, number, 30_000);
  const leadDetail = detailOf(lead.page, number);
  // The branch's officer (at a desk of their own, through the same hub) notifies the agent and the lead: the 二解 callback is due.
  const officer = await hubLogin('officer.gz');
  const complaintId = openComplaintId(lead.page);
  // Stamped after the complaint's own events, as the officer's workstation would: other specs fast-forward
  // their browsers' clocks, and their stamps, shared through central, move this branch's clocks ahead too.
  const latest = (await pullAll(hub.url, officer.token))
    .filter((e) => e.complaintId === complaintId)
    .reduce((max, e) => Math.max(max, Date.parse(e.hlc.slice(0, 24))), 0);
  const notified = new EventFactory().make('parties.notified', {
    complaintId,
    actorId: officer.user.id,
    branchId: 'gz',
    payload: { agentIds: ['user-agent.gz'], leadIds: ['user-lead.gz'] },
    at: new Date(Math.max(Date.now(), latest + 1_000)),
  });
  const pushed = await fetch(`${hub.url}/api/sync/events/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: notified }]),
  });
  expect(await pushed.json()).toEqual([]);
  await expect(leadDetail).toContainText('Awaiting callback', SLOW);
  const attempt = await openAction(lead.page, 'Log attempt');
  await attempt.getByLabel('Callback serial').fill('HF-20261206-0001');
  await attempt.getByLabel('Customer reached').check();
  await attempt.getByLabel('Customer accepted').check();
  await attempt.getByRole('button', { name: 'Log attempt' }).click();
  await expect(leadDetail).toContainText('Attempts: 1 of 3', SLOW);
  const note = await openAction(lead.page, 'Mid-course note (中途意见)');
  await note.getByLabel('Complained-about call serial').fill('LY-20261206-0420');
  await note.getByLabel('Agent’s conduct or problem').fill('语气冷淡');
  await note.getByLabel('Complaint founded (属实)').selectOption('yes');
  await note.getByLabel('Customer accepts').selectOption('yes');
  await note.getByLabel('Callback serial').fill('HF-20261206-0001');
  await note.getByRole('button', { name: 'Add mid-course note' }).click();
  await expect(leadDetail).toContainText('经听LY-20261206-0420录音', SLOW);
  await expectSynced(lead.page);

  // Saved at the hub, not confirmed by central: the timeline and the outbox say no more than that.
  const entries = await timeline(lead.page).getByRole('listitem').count();
  expect(entries).toBeGreaterThanOrEqual(4);
  await expect(timeline(lead.page).locator('li[data-sync="central"]')).toHaveCount(0);
  await expect(timeline(lead.page).getByRole('listitem').filter({ hasText: 'Mid-course note' })).toContainText(
    'saved at the hub, not yet confirmed by central',
  );
  await goTo(lead.page, 'Outbox');
  const outbox = lead.page.getByRole('table', { name: 'Pending changes' });
  // The lead's own rows of this complaint: lead.gz also works in specs running beside this one, through central.
  await expect(outbox.locator('tr[data-sync="at_hub"]').filter({ hasText: number })).toHaveCount(2);
  expect((await upstream()).pendingUp).toBeGreaterThanOrEqual(entries);

  // The WAN returns: the hub relays everything, central decides it.
  wan.restore();
  await expect
    .poll(async () => {
      const u = await upstream();
      return u.connected && u.pendingUp === 0;
    }, { timeout: 30_000, message: 'the hub to relay the outage to central' })
    .toBe(true);

  // A supervisor signed in at central sees the whole timeline, every entry confirmed there.
  const supervisor = await workstationFor(browser, 'supervisor.gz');
  await supervisor.page.getByRole('searchbox', { name: 'Search' }).fill(number);
  await supervisor.page.getByRole('button').filter({ hasText: number }).first().click();
  await expect(supervisor.page.getByRole('heading', { name: number })).toBeVisible({ timeout: 20_000 });
  await expectTimelineMarked(supervisor.page, 'synced', entries);
  const atCentral = timeline(supervisor.page).getByRole('listitem');
  await expect(atCentral.filter({ hasText: 'Callback attempt' })).toHaveCount(1);
  await expect(atCentral.filter({ hasText: 'Mid-course note' })).toHaveCount(1);
  await expect(timeline(supervisor.page)).not.toContainText('rejected:');

  // Back in the branch, each event is now marked confirmed by central (the workstation asks the hub again on load).
  await lead.page.reload();
  await expect(lead.page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 20_000 });
  await goTo(lead.page, 'Outbox');
  await expect(lead.page.getByRole('table', { name: 'Pending changes' }).locator('tr[data-sync="central"]').filter({ hasText: number })).toHaveCount(2, {
    timeout: 20_000,
  });
  await goTo(lead.page, 'Team queue');
  await openFromGrid(lead.page, number);
  await expectTimelineMarked(lead.page, 'central', entries);

  await Promise.all([agent.close(), lead.close(), supervisor.close()]);
});
