import { afterEach, describe, expect, it } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { bindCommands } from './commands';
import { complaint$ } from './live/complaint';
import { search$ } from './live/search';
import { openTestWorkstation, testUsers, sampleIntake } from './test-support';
import type { WorkstationStore } from './store';
import type { SessionUser } from './types/session';
const agentDg: SessionUser = { id: 'u-agent-dg', username: 'agent.dg', displayName: 'Agent DG', role: 'agent', branchId: 'dg', teamId: 't-dg-1' };

let open: WorkstationStore[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.close()));
  open = [];
});

/** A restart that restores `user`'s session locally (no server reachable), as the app does before any network. */
async function resume(ws: WorkstationStore, user: SessionUser) {
  await ws.meta.set('session.current', { user, offline: true });
  await ws.session.restore();
  const store = await ws.settled();
  if (!store) throw new Error('no store');
  return store;
}

describe('one workstation, several users', () => {
  it("a user's complaints and unsynced events are in their own database only, and wait for them", async () => {
    const ws = await openTestWorkstation();
    open.push(ws);
    const first = await resume(ws, testUsers.agent);
    const created = await bindCommands(() => first).createComplaint({
      ...sampleIntake,
      complainant: { name: '陈小姐', phone: '138 0013 8000', customerType: 'ordinary' },
    });
    if (!created.ok) throw new Error(created.error);
    expect(await first.db.events.count({ selector: { status: 'pending' } }).exec()).toBe(1);

    await ws.session.signOut();
    expect(await ws.settled()).toBeNull();
    // The first user's database is closed: nothing of it stays reachable through the workstation.
    expect(first.db.closed).toBe(true);

    const second = await resume(ws, agentDg);
    expect(second.db.name).not.toBe(first.db.name);
    expect(await second.db.complaints.count().exec()).toBe(0);
    expect(await second.db.events.count().exec()).toBe(0);
    await second.search.search('13800138000', 10);
    expect(await firstValueFrom(search$(second, '13800138000', 10))).toEqual([]);
    expect(await firstValueFrom(search$(second, '陈小姐', 10))).toEqual([]);
    const byUrl = await firstValueFrom(complaint$(second, created.complaintId).pipe(filter((c) => !c.loading)));
    expect(byUrl.complaint).toBeNull();

    // Switching without signing out (a new session restored) also swaps the database.
    const back = await resume(ws, testUsers.agent);
    expect(second.db.closed).toBe(true);
    expect(back.db.name).toBe(first.db.name);
    expect(await back.db.events.count({ selector: { status: 'pending' } }).exec()).toBe(1);
    const found = await firstValueFrom(search$(back, '13800138000', 10).pipe(filter((l) => l.length > 0)));
    expect(found.map((c) => c.id)).toEqual([created.complaintId]);
  });

  it('keeps at most one user database open, however often users change', async () => {
    const ws = await openTestWorkstation();
    open.push(ws);
    // Seven switches would open 1 + 7 × 5 collections if databases were left open: over RxDB's 13.
    for (let i = 0; i < 7; i += 1) {
      const store = await resume(ws, i % 2 ? agentDg : testUsers.lead);
      expect(store.user.id).toBe(i % 2 ? agentDg.id : testUsers.lead.id);
    }
  });

  it('a stale store cannot write for the next user', async () => {
    const ws = await openTestWorkstation();
    open.push(ws);
    const first = await resume(ws, testUsers.agent);
    await ws.session.signOut();
    await ws.settled();
    await ws.meta.set('session.current', { user: agentDg, offline: true });
    await ws.session.restore();
    expect(await bindCommands(() => first).createComplaint(sampleIntake)).toMatchObject({ ok: false, error: 'not_signed_in' });
  });
});
