import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFromPolicy } from '../../shared/calendar/calendar';
import { fold } from '../../shared/fold/fold';
import { withoutEvents } from '../../shared/fold/projection';
import type { Policy } from '../../shared/policy/policy';
import { EventFactory, storageKinds, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('a policy change re-folds stored projections on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const f = new EventFactory();
  let agent: { token: string; user: LoggedInUser };
  let director = '';
  let admin = '';
  const ids: string[] = [];

  beforeAll(async () => {
    agent = await api.login('agent.gz');
    director = (await api.login('director')).token;
    admin = (await api.login('admin')).token;
    const created = Array.from({ length: 3 }, (_, i) => f.created(agent.user, { grade: 1, at: new Date(Date.UTC(2026, 10, 23, 2, i)) }));
    ids.push(...created.map((e) => e.complaintId));
    expect((await api.push(agent.token, created)).json).toEqual([]);
  });

  /** What a workstation holding `policy` folds from the events it pulled. */
  async function clientFold(id: string, policy: Policy) {
    const events = (await api.pullAll(director)).documents.filter((d) => d.complaintId === id);
    return JSON.parse(JSON.stringify(withoutEvents(fold(events, { policy, calendar: calendarFromPolicy(policy) })!)));
  }

  it('GET /api/complaints/:id follows the new handling deadline at once, and the stored rows catch up', async () => {
    const id = ids[0]!;
    const before = (await api.request('GET', `/api/complaints/${id}`, { token: agent.token })).json;
    const current = (await api.request('GET', '/api/admin/policy', { token: admin })).json.policy as Policy;
    const changed = {
      ...current,
      deadlines: { ...current.deadlines, handlingWorkingDaysByGrade: { ...current.deadlines.handlingWorkingDaysByGrade, '1': 3 } },
    };
    const put = await api.request('PUT', '/api/admin/policy', { token: admin, body: changed });
    expect(put.status).toBe(200);
    const policy = put.json.policy as Policy;
    expect(policy.revision).toBe(current.revision + 1);

    const after = (await api.request('GET', `/api/complaints/${id}`, { token: agent.token })).json;
    expect(after.deadlines.handling).not.toBe(before.deadlines.handling);
    expect(Date.parse(after.deadlines.handling)).toBeLessThan(Date.parse(before.deadlines.handling));
    expect(after).toEqual(await clientFold(id, policy));

    const list = (await api.request('GET', '/api/complaints?limit=10', { token: agent.token })).json.items;
    for (const item of list) expect(item).toEqual(await clientFold(item.id, policy));

    await t.server.refolder.idle();
    const rows = await t.server.db.query<{ id: string; folded_revision: unknown; next_due: unknown; projection: string }>(
      'select id, folded_revision, next_due, projection from complaints where id = any($1::text[])',
      [ids],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(Number(r.folded_revision)).toBe(policy.revision);
      const stored = withoutEvents(JSON.parse(r.projection));
      expect(JSON.parse(JSON.stringify(stored))).toEqual(await clientFold(r.id, policy));
    }
  });

  it('a push after the change folds with the new policy', async () => {
    const id = ids[1]!;
    const policy = (await api.request('GET', '/api/admin/policy', { token: admin })).json.policy as Policy;
    // Mark the row as folded with an older revision, as if the background pass had not reached it yet.
    await t.server.db.query('update complaints set folded_revision = 0 where id = $1', [id]);
    const note = f.make('note.added', { complaintId: id, actorId: agent.user.id, branchId: 'gz', payload: { text: '补充说明' } });
    expect((await api.push(agent.token, [note])).json).toEqual([]);
    const rows = await t.server.db.query<{ folded_revision: unknown }>('select folded_revision from complaints where id = $1', [id]);
    expect(Number(rows[0]?.folded_revision)).toBe(policy.revision);
    expect((await api.request('GET', `/api/complaints/${id}`, { token: agent.token })).json).toEqual(await clientFold(id, policy));
  });

  it('rows folded before this version (no revision) are re-folded by a pass', async () => {
    await t.server.db.query('update complaints set folded_revision = null, phone_digits = null');
    expect(await t.server.refolder.run()).toBe(3);
    const rows = await t.server.db.query<{ phone_digits: string | null }>('select phone_digits from complaints');
    expect(rows.every((r) => r.phone_digits === '13800138000')).toBe(true);
  });
});
