import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../shared/events/validate';
import { fold } from '../../shared/fold/fold';
import { defaultFoldContext } from '../../shared/test-support/fold-fixtures';
import { SYSTEM_ACTOR_ID } from '../../shared/actors/system-actor';
import { EventFactory, storageKinds, type Json } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const SECRETS = ['王秘密', '13912345678', '秘密地址路1号', '秘密营业厅', '秘密的投诉内容', '秘密诉求', '秘密备注'];

describe.each(storageKinds())('erasure on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'lead.gz', 'officer.gz', 'supervisor.gz', 'agent.dg', 'director', 'admin', 'quality.gz'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;


  /** A complaint full of personal data (and a note with some), as agent.gz writes it. */
  async function personalComplaint(at = new Date(), factory = f) {
    const f = factory;
    const agent = as('agent.gz').user;
    const created = f.created(agent, { at });
    const payload = created.payload as Json;
    payload.complainant = { name: '王秘密', phone: '13912345678', address: '秘密地址路1号', customerType: 'ordinary' };
    payload.incident = { place: '秘密营业厅' };
    payload.description = '秘密的投诉内容';
    payload.demands = '秘密诉求';
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.id, branchId: 'gz', payload: { text: '秘密备注' }, at });
    const res = await api.push(as('agent.gz').token, [created, note]);
    expect(res.json).toEqual([]);
    return { created, note, number: payload.number as string, complaintId: created.complaintId };
  }

  async function storedDocs(complaintId: string): Promise<string[]> {
    const rows = await t.server.db.query<{ doc: string }>('select doc from events where complaint_id = $1', [complaintId]);
    return rows.map((r) => r.doc);
  }

  async function projectionText(complaintId: string): Promise<string> {
    const rows = await t.server.db.query<{ projection: string }>('select projection from complaints where id = $1', [complaintId]);
    return rows[0]!.projection;
  }

  it('an admin erasure removes the personal values from the stored events and the stored projection', async () => {
    const c = await personalComplaint();
    const before = await api.pullAll(as('agent.gz').token);
    const directorBefore = await api.pullAll(as('director').token);
    expect((await storedDocs(c.complaintId)).join()).toContain('13912345678');

    const res = await api.request('POST', '/api/admin/erasures', { token: as('admin').token, body: { number: c.number, reason: '客户要求删除' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ complaintId: c.complaintId, scrubbed: 2 });
    expect(res.json.fields).toHaveLength(7);

    const docs = await storedDocs(c.complaintId);
    expect(docs).toHaveLength(3);
    for (const secret of SECRETS) {
      expect(docs.join('\n')).not.toContain(secret);
      expect(await projectionText(c.complaintId)).not.toContain(secret);
    }
    // The history still validates and folds, and the record keeps who erased what and when.
    const events = docs.map((d) => JSON.parse(d) as Json);
    for (const e of events) expect(validateEvent(e).ok).toBe(true);
    const p = fold(events, defaultFoldContext())!;
    expect(p.flags.redactedFields).toHaveLength(7);
    expect(p.timeline.map((x) => x.state)).toEqual(['applied', 'applied', 'applied']);
    const redaction = events.find((e) => e.type === 'complaint.redacted');
    expect(redaction).toMatchObject({ actorId: as('admin').user.id, payload: { reason: '客户要求删除' } });

    const got = await api.request('GET', `/api/complaints/${c.complaintId}`, { token: as('agent.gz').token });
    expect(got.status).toBe(200);
    expect(got.json.complainant.name).toBe('');
    expect(JSON.stringify(got.json)).not.toContain('13912345678');

    // Replicas: the branch's users and the director get the scrubbed copies again, with new sequence numbers.
    for (const [name, from] of [['agent.gz', before.seq], ['director', directorBefore.seq]] as const) {
      const after = await api.pullAll(as(name).token, from);
      const ids = after.documents.filter((d: Json) => d.complaintId === c.complaintId).map((d: Json) => d.id).sort();
      expect(ids).toEqual([c.created.id, c.note.id, redaction.id].sort());
      const again = after.documents.find((d: Json) => d.id === c.created.id);
      expect(again.seq).toBeGreaterThan(from);
      expect(again.payload.complainant.name).not.toBe('王秘密');
      expect(JSON.stringify(after.documents)).not.toContain('13912345678');
    }
    // A full pull from the start holds only the scrubbed copies too.
    expect(JSON.stringify((await api.pullAll(as('agent.gz').token)).documents)).not.toContain('秘密');
  });

  it('a workstation pushing its original copy back gets the scrubbed one as the master state', async () => {
    const c = await personalComplaint();
    expect((await api.request('POST', '/api/admin/erasures', { token: as('admin').token, body: { complaintId: c.complaintId, fields: ['complainant.phone'], reason: 'x' } })).status).toBe(201);
    const res = await api.push(as('agent.gz').token, [c.created]);
    expect(res.json).toHaveLength(1);
    expect(res.json[0].payload.complainant.phone).not.toBe('13912345678');
    expect(res.json[0].payload.complainant.name).toBe('王秘密');
  });

  it('a redaction pushed by a supervisor is applied to the stored events right after the push', async () => {
    const c = await personalComplaint();
    const sup = as('supervisor.gz');
    const redaction = f.make('complaint.redacted', {
      complaintId: c.complaintId,
      actorId: sup.user.id,
      branchId: 'gz',
      payload: { fields: ['complainant.name', 'description', 'notes'], reason: '申请删除' },
    });
    expect((await api.push(sup.token, [redaction])).json).toEqual([]);
    await t.server.erasure.idle();
    const docs = (await storedDocs(c.complaintId)).join('\n');
    for (const gone of ['王秘密', '秘密的投诉内容', '秘密备注']) expect(docs).not.toContain(gone);
    // Not named: kept.
    expect(docs).toContain('13912345678');
    const list = await api.request('GET', '/api/admin/erasures?limit=200', { token: as('admin').token });
    const record = list.json.items.find((r: Json) => r.redactionId === redaction.id);
    expect(record).toMatchObject({ complaintId: c.complaintId, number: c.number, actorId: sup.user.id, scrubbed: 2, fields: ['complainant.name', 'description', 'notes'] });
    expect(record.appliedAt).not.toBeNull();
  });

  it('re-announces to the branch a complaint was transferred to, and to the one it left', async () => {
    const c = await personalComplaint();
    const officer = as('supervisor.gz');
    const transfer = f.make('complaint.transferred', { complaintId: c.complaintId, actorId: officer.user.id, branchId: 'gz', payload: { toBranchId: 'dg' } });
    expect((await api.push(officer.token, [transfer])).json).toEqual([]);
    const dgBefore = await api.pullAll(as('agent.dg').token);
    const gzBefore = await api.pullAll(as('agent.gz').token);
    expect(JSON.stringify(dgBefore.documents)).toContain('秘密备注');
    expect((await api.request('POST', '/api/admin/erasures', { token: as('admin').token, body: { complaintId: c.complaintId, reason: 'x' } })).status).toBe(201);
    for (const [name, from] of [['agent.dg', dgBefore.seq], ['agent.gz', gzBefore.seq]] as const) {
      const after = await api.pullAll(as(name).token, from);
      const note = after.documents.find((d: Json) => d.id === c.note.id);
      expect(note?.payload.text, name).not.toBe('秘密备注');
    }
  });

  it('only admins erase and read the record; bad or unknown input is no 500', async () => {
    for (const name of ['supervisor.gz', 'director', 'quality.gz', 'agent.gz']) {
      expect((await api.request('POST', '/api/admin/erasures', { token: as(name).token, body: { number: 'X-1', reason: 'x' } })).status).toBe(403);
      expect((await api.request('GET', '/api/admin/erasures', { token: as(name).token })).status).toBe(403);
    }
    const admin = as('admin').token;
    expect((await api.request('POST', '/api/admin/erasures', { token: admin, body: { number: 'NO-SUCH-1', reason: 'x' } })).status).toBe(404);
    for (const body of [{}, { number: 'A-1' }, { number: 'A-1', complaintId: 'x', reason: 'x' }, { number: 'A\u0000', reason: 'x' }, { number: 'A-1', reason: 'x', fields: ['password'] }, 'null']) {
      expect((await api.request('POST', '/api/admin/erasures', { token: admin, body })).status).toBe(400);
    }
    expect((await api.request('GET', '/api/admin/erasures?cursor=%00%ff', { token: admin })).status).toBe(400);
    expect((await api.request('GET', '/api/admin/erasures?limit=0', { token: admin })).status).toBe(400);
  });

  it('the retention rule erases complaints closed more than the policy months ago, once', async () => {
    const closedAt = new Date('2024-11-01T02:00:00Z');
    // A workstation's clock of that time (the shared factory's has moved on to today).
    const f = new EventFactory();
    const c = await personalComplaint(closedAt, f);
    const lead = as('lead.gz');
    const agent = as('agent.gz');
    const notAccepted = f.make('complaint.not_accepted', { complaintId: c.complaintId, actorId: agent.user.id, branchId: 'gz', at: closedAt });
    expect((await api.push(agent.token, [notAccepted])).json).toEqual([]);
    const closed = f.make('complaint.closed', { complaintId: c.complaintId, actorId: lead.user.id, branchId: 'gz', at: closedAt });
    expect((await api.push(lead.token, [closed])).json).toEqual([]);

    // 23 months later (the default policy says 24): not yet. (Times in the past: the server refuses stamps ahead of its clock.)
    await t.server.erasure.runRetention(new Date('2026-10-01T02:00:00Z'));
    expect((await storedDocs(c.complaintId)).join()).toContain('13912345678');

    const first = await t.server.erasure.runRetention(new Date('2026-11-01T02:01:00Z'));
    expect(first.erased).toBeGreaterThanOrEqual(1);
    const docs = await storedDocs(c.complaintId);
    for (const secret of SECRETS) expect(docs.join('\n')).not.toContain(secret);
    const redaction = docs.map((d) => JSON.parse(d) as Json).find((e) => e.type === 'complaint.redacted');
    expect(redaction.actorId).toBe(SYSTEM_ACTOR_ID);
    expect(redaction.payload.fields).toHaveLength(7);

    const count = (await storedDocs(c.complaintId)).length;
    await t.server.erasure.runRetention(new Date('2026-12-01T02:01:00Z'));
    expect((await storedDocs(c.complaintId)).length).toBe(count);
  });

  it('the retention months are a policy field admins edit; 0 turns the rule off', async () => {
    const admin = as('admin').token;
    const got = await api.request('GET', '/api/admin/policy', { token: admin });
    expect(got.json.policy.retention.erasePersonalAfterMonths).toBe(24);
    const put = await api.request('PUT', '/api/admin/policy', { token: admin, body: { ...got.json.policy, retention: { erasePersonalAfterMonths: 0 } } });
    expect(put.status).toBe(200);
    const closedAt = new Date('2023-03-10T02:00:00Z');
    const f = new EventFactory();
    const c = await personalComplaint(closedAt, f);
    const agent = as('agent.gz');
    await api.push(agent.token, [f.make('complaint.not_accepted', { complaintId: c.complaintId, actorId: agent.user.id, branchId: 'gz', at: closedAt })]);
    await api.push(as('lead.gz').token, [f.make('complaint.closed', { complaintId: c.complaintId, actorId: as('lead.gz').user.id, branchId: 'gz', at: closedAt })]);
    expect((await t.server.erasure.runRetention(new Date('2026-12-01T00:00:00Z'))).erased).toBe(0);
    expect((await storedDocs(c.complaintId)).join()).toContain('13912345678');
    await t.server.refolder.idle();
  });
});
