import { beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc/hlc';
import { EventFactory, storageKinds, type Json, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const NODE = '00000000000000aa';

/** The policy's skew bound (sync.hlcMaxSkewMs) at the server: stamps far ahead are refused, past ones are not. */
describe.each(storageKinds())('HLC skew bound on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const f = new EventFactory();
  let agent: { token: string; user: LoggedInUser };
  let lead: { token: string; user: LoggedInUser };
  let admin: { token: string; user: LoggedInUser };

  beforeAll(async () => {
    agent = await api.login('agent.gz');
    lead = await api.login('lead.gz');
    admin = await api.login('admin');
  });

  const stampedAt = (wallMs: number, counter = 0) => formatHlc({ wallMs, counter, node: NODE });
  const assign = (complaintId: string, assigneeId: string, hlc?: string) => {
    const e = f.make('complaint.assigned', { complaintId, actorId: lead.user.id, branchId: 'gz', payload: { assigneeId } });
    return hlc ? { ...e, hlc } : e;
  };
  const projection = async (id: string): Promise<Json> => (await api.request('GET', `/api/complaints/${id}`, { token: lead.token })).json;

  it("a lead's complaint.assigned stamped 9999-12-31 is stored rejected (clock_ahead) and a later assignment still wins", async () => {
    const created = f.created(agent.user);
    expect((await api.push(agent.token, [created])).json).toEqual([]);
    const far = assign(created.complaintId, 'user-officer-gz', '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff');
    const answer = (await api.push(lead.token, [far])).json as Json[];
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ id: far.id, status: 'rejected', reason: { code: 'clock_ahead' } });
    expect(answer[0].reason.message).toMatch(/clock/);
    expect((await projection(created.complaintId)).assigneeId).toBeNull();

    const later = assign(created.complaintId, lead.user.id);
    expect((await api.push(lead.token, [later])).json).toEqual([]);
    expect((await projection(created.complaintId)).assigneeId).toBe(lead.user.id);
    // Its author pulls it back rejected, with the reason to show.
    const pulled = (await api.pullAll(lead.token)).documents.find((d: Json) => d.id === far.id);
    expect(pulled).toMatchObject({ status: 'rejected', reason: { code: 'clock_ahead' } });
  });

  it('the bound is the policy’s: inside it accepted, beyond it rejected, and an admin can widen it', async () => {
    const created = f.created(agent.user);
    expect((await api.push(agent.token, [created])).json).toEqual([]);
    const bound = (await t.server.settings.current()).policy.sync.hlcMaxSkewMs;
    const inside = assign(created.complaintId, 'user-officer-gz', stampedAt(Date.now() + bound - 10_000));
    expect((await api.push(lead.token, [inside])).json).toEqual([]);
    const beyond = assign(created.complaintId, lead.user.id, stampedAt(Date.now() + bound + 60_000));
    expect((await api.push(lead.token, [beyond])).json[0]).toMatchObject({ status: 'rejected', reason: { code: 'clock_ahead' } });

    const policy = (await api.request('GET', '/api/admin/policy', { token: admin.token })).json.policy;
    const wider = { ...policy, sync: { ...policy.sync, hlcMaxSkewMs: bound + 3_600_000 } };
    expect((await api.request('PUT', '/api/admin/policy', { token: admin.token, body: wider })).status).toBe(200);
    try {
      const widened = assign(created.complaintId, lead.user.id, stampedAt(Date.now() + bound + 60_000));
      expect((await api.push(lead.token, [widened])).json).toEqual([]);
    } finally {
      const back = (await api.request('GET', '/api/admin/policy', { token: admin.token })).json.policy;
      await api.request('PUT', '/api/admin/policy', { token: admin.token, body: { ...back, sync: { ...back.sync, hlcMaxSkewMs: bound } } });
    }
  });

  it('past stamps stay legal (offline work)', async () => {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    const offline = new EventFactory();
    const created = offline.created(agent.user, { at: weekAgo });
    const note = offline.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz', at: weekAgo });
    expect(Date.parse(note.hlc.slice(0, 24))).toBe(weekAgo.getTime());
    expect((await api.push(agent.token, [created, note])).json).toEqual([]);
  });
});
