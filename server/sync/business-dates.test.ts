import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds, type Json, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const DAY = 86_400_000;

/** Business dates outside the policy's window around the server's clock are stored rejected, never a 5xx. */
describe.each(storageKinds())('business date bounds on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const f = new EventFactory();
  let agent: { token: string; user: LoggedInUser };
  let admin: { token: string; user: LoggedInUser };

  beforeAll(async () => {
    agent = await api.login('agent.gz');
    admin = await api.login('admin');
  });

  const receivedOn = (receivedAt: string): Json => {
    const e = f.created(agent.user);
    return { ...e, payload: { ...e.payload, receivedAt } };
  };

  it('a receipt in year 0, 0001 or 9999 is stored rejected (date_out_of_range); its neighbours are accepted (variants)', async () => {
    const absurd = fc.oneof(
      fc.constantFrom('0000-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '1900-02-28T12:00:00+08:00'),
      fc.integer({ min: 0, max: 9999 }).filter((y) => y < 2000 || y > 2100).map((y) => `${String(y).padStart(4, '0')}-06-15T08:00:00Z`),
    );
    await fc.assert(
      fc.asyncProperty(absurd, async (receivedAt) => {
        const before = f.created(agent.user);
        const hostile = receivedOn(receivedAt);
        const after = f.created(agent.user);
        const res = await api.push(agent.token, [before, hostile, after]);
        expect(res.status, res.body.slice(0, 200)).toBe(200);
        expect(res.json).toHaveLength(1);
        expect(res.json[0]).toMatchObject({ id: hostile.id, status: 'rejected', reason: { code: 'date_out_of_range' } });
        expect((await api.push(agent.token, [before, hostile, after])).json).toEqual([]);
        expect((await api.request('GET', `/api/complaints/${after.complaintId}`, { token: agent.token })).status).toBe(200);
        expect((await api.request('GET', `/api/complaints/${hostile.complaintId}`, { token: agent.token })).status).toBe(404);
      }),
      { numRuns: 10 },
    );
  });

  it('the window is the policy’s and an administrator can narrow it', async () => {
    const monthAgo = new Date(Date.now() - 30 * DAY).toISOString();
    expect((await api.push(agent.token, [receivedOn(monthAgo)])).json).toEqual([]);
    const policy = (await api.request('GET', '/api/admin/policy', { token: admin.token })).json.policy;
    const narrow = { ...policy, businessDates: { ...policy.businessDates, maxPastDays: 7 } };
    expect((await api.request('PUT', '/api/admin/policy', { token: admin.token, body: narrow })).status).toBe(200);
    try {
      const answer = (await api.push(agent.token, [receivedOn(monthAgo)])).json as Json[];
      expect(answer[0]).toMatchObject({ status: 'rejected', reason: { code: 'date_out_of_range' } });
      expect(answer[0].reason.message).toMatch(/receivedAt.*7 d/);
    } finally {
      const back = (await api.request('GET', '/api/admin/policy', { token: admin.token })).json.policy;
      await api.request('PUT', '/api/admin/policy', { token: admin.token, body: { ...back, businessDates: policy.businessDates } });
    }
  });

  it('a policy with a window out of its bounds is refused with 400', async () => {
    const policy = (await api.request('GET', '/api/admin/policy', { token: admin.token })).json.policy;
    for (const bad of [{ maxPastDays: 0 }, { maxAheadMinutes: -1 }, { plannedMaxAheadDays: 1e12 }, { maxPastDays: 'x' }]) {
      const res = await api.request('PUT', '/api/admin/policy', { token: admin.token, body: { ...policy, businessDates: { ...policy.businessDates, ...bad } } });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });
});
