import { filter, firstValueFrom, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { liveServerForFile, waitFor } from './live-server-support';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openDataStore, type DataStore } from '../../renderer/data/store';
import { memoryStorage, uniqueName } from '../../renderer/data/test-support';
import { VIEW_DEDUPE_MS } from '../../renderer/data/audit/access-log';

const live = liveServerForFile('hd-access-');

/** A workstation whose network can be cut, with a clock the test moves. */
async function workstation(username: string) {
  const net = { offline: false };
  const clock = { now: Date.parse('2026-11-23T02:00:00.000Z') };
  const store: DataStore = await openDataStore({
    platform: memoryPlatform(live.server.url),
    storage: memoryStorage(),
    databaseName: uniqueName('access'),
    breachWatcher: false,
    verifierIterations: 1000,
    retryTimeMs: 200,
    now: () => clock.now,
    fetch: (input, init) => (net.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
  });
  live.stores.push(store);
  expect(await store.session.signIn(username, 'demo1234')).toMatchObject({ ok: true });
  await firstValueFrom(store.sync.state$.pipe(filter((s) => s.lastSyncedAt !== null), timeout(15_000)));
  return { store, net, clock };
}

async function serverRecords(userId: string) {
  return live.server.db.query<{ id: string; action: string; detail: string; complaint_ids: string[]; workstation_id: string; at: string }>(
    'select id, action, detail, complaint_ids, workstation_id, at::text as at from access_log where user_id = $1 order by n',
    [userId],
  );
}

describe('the workstation access log', () => {
  it('records a view with who, what, when and where, and counts a reopened detail once within the window', async () => {
    const { store, clock } = await workstation('agent.gz');
    const user = store.session.current().user!;
    await store.accessLog.record({ action: 'view', complaintIds: ['c-view-1'], fields: ['complainant.name', 'complainant.phone'] });
    await store.accessLog.record({ action: 'view', complaintIds: ['c-view-1'], fields: ['complainant.name', 'complainant.phone'] });
    clock.now += VIEW_DEDUPE_MS + 1;
    await store.accessLog.record({ action: 'view', complaintIds: ['c-view-1'], fields: ['complainant.name'] });
    const rows = await waitFor(async () => {
      const r = await serverRecords(user.id);
      return r.length >= 2 && (await store.accessLog.pendingCount()) === 0 && r;
    }, 'the records to reach the server');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: 'view', detail: 'complainant.name,complainant.phone', complaint_ids: ['c-view-1'], workstation_id: store.workstation.id });
    expect(new Date(rows[0]!.at).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  }, 90_000);

  it('keeps records made offline and uploads them once the workstation is back', async () => {
    const { store, net } = await workstation('lead.gz');
    const user = store.session.current().user!;
    net.offline = true;
    await store.accessLog.record({ action: 'print', complaintIds: ['c-print-1'], fields: ['complainant.name'] });
    await expect(store.accessLog.flush()).rejects.toThrow();
    expect(await store.accessLog.pendingCount()).toBe(1);
    expect(await serverRecords(user.id)).toHaveLength(0);
    net.offline = false;
    expect(await store.accessLog.flush()).toBe(1);
    expect(await store.accessLog.pendingCount()).toBe(0);
    expect((await serverRecords(user.id)).map((r) => r.action)).toEqual(['print']);
  }, 90_000);

  it('records a large export as several records that together name every complaint', async () => {
    const { store } = await workstation('quality.gz');
    const user = store.session.current().user!;
    const ids = Array.from({ length: 2500 }, (_, i) => `c-${i}`);
    await store.accessLog.record({ action: 'export', complaintIds: ids, report: 'complaints-csv' });
    const rows = await waitFor(async () => {
      const r = await serverRecords(user.id);
      return r.length === 3 && r;
    }, 'the export records');
    expect(rows.flatMap((r) => r.complaint_ids).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.action === 'export' && r.detail === 'complaints-csv')).toBe(true);
  }, 90_000);
});
