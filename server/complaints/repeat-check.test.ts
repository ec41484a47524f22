import { beforeAll, describe, expect, it } from 'vitest';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import { EventFactory, storageKinds, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { REPEAT_CHECKS_PER_MINUTE } from './repeat-check';

describe.each(storageKinds())('repeat-complaint check on the server on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'quality.gz', 'agent.dg', 'director'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  const ids = { recent: '', other: '', old: '', dg: '' };

  function created(user: LoggedInUser, phone: string, category: string, at: Date) {
    const e = f.created(user, { at });
    e.payload = { ...e.payload, complainant: { ...samplePayloads['complaint.created'].complainant, phone }, category };
    return e;
  }

  beforeAll(async () => {
    const now = Date.now();
    const recent = created(as('agent.gz').user, '+86 139-0013-9000', 'attitude', new Date(now - 2 * 86_400_000));
    const other = created(as('agent.gz').user, '13900139000', 'price', new Date(now - 86_400_000));
    const old = created(as('agent.gz').user, '13900139000', 'attitude', new Date(now - 400 * 86_400_000));
    const dg = created(as('agent.dg').user, '13900139000', 'attitude', new Date(now - 3_600_000));
    Object.assign(ids, { recent: recent.complaintId, other: other.complaintId, old: old.complaintId, dg: dg.complaintId });
    expect((await api.push(as('agent.gz').token, [recent, other, old])).json).toEqual([]);
    expect((await api.push(as('agent.dg').token, [dg])).json).toEqual([]);
  });

  const check = (name: string, body: unknown) => api.request('POST', '/api/complaints/repeat-check', { token: as(name).token, body });

  it('finds earlier complaints with the same phone (as typed) and category inside the policy window, in scope', async () => {
    const res = await check('agent.gz', { phone: '139 0013 9000', category: 'attitude' });
    expect(res.status).toBe(200);
    expect(res.json.windowDays).toBeGreaterThan(0);
    expect(res.json.items.map((i: { id: string }) => i.id)).toEqual([ids.recent]);
    expect(Object.keys(res.json.items[0]).sort()).toEqual(['branchId', 'category', 'grade', 'id', 'number', 'phone', 'receivedAt', 'status']);
    expect(res.json.items[0].phone).toBe('+86 139-0013-9000');
    const director = await check('director', { phone: '13900139000', category: 'attitude' });
    expect(director.json.items.map((i: { id: string }) => i.id)).toEqual([ids.dg, ids.recent]);
  });

  it('masks the phone for roles that do not call customers back', async () => {
    const res = await check('quality.gz', { phone: '13900139000', category: 'attitude' });
    expect(res.json.items).toHaveLength(1);
    expect(res.json.items[0].phone).not.toContain('0013');
    expect(res.json.items[0].phone).toContain('****');
  });

  it('answers nothing for too short a number, 400 without echoing the phone for bad input', async () => {
    expect((await check('agent.gz', { phone: '123', category: 'attitude' })).json.items).toEqual([]);
    const bad = await check('agent.gz', { phone: '13900139000', category: 'nonsense' });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toContain('13900139000');
    expect((await api.request('POST', '/api/complaints/repeat-check', { body: { phone: '13900139000', category: 'attitude' } })).status).toBe(401);
  });

  it('limits how often one user may check', async () => {
    let limited = 0;
    for (let i = 0; i < REPEAT_CHECKS_PER_MINUTE + 2; i++) {
      const res = await check('agent.dg', { phone: `1390013${String(i).padStart(4, '0')}`, category: 'price' });
      if (res.status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
    // Another user is not affected.
    expect((await check('director', { phone: '13900139000', category: 'price' })).status).toBe(200);
  });
});
