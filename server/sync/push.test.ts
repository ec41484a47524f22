import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/tokens';
import { acceptEvents } from './accept';
import { EventFactory, storageKinds, type Json } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('push on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'agent2.gz', 'lead.gz', 'officer.gz', 'agent.dg', 'director', 'admin'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  const pushOne = async (name: string, doc: unknown) => {
    const res = await api.push(as(name).token, [doc]);
    expect(res.status).toBe(200);
    return res.json as Json[];
  };
  const idsOf = (docs: { id: string }[]) => docs.map((d) => d.id);

  it('accepts a valid event with an empty answer and serves it with server fields', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    expect(await pushOne('agent.gz', created)).toEqual([]);
    const { documents } = await api.pullAll(me.token);
    const stored = documents.find((d) => d.id === created.id);
    expect(stored).toMatchObject({ ...created, status: 'accepted' });
    expect(typeof stored.seq).toBe('number');
    expect(Date.parse(stored.receivedAt)).not.toBeNaN();
    expect(stored.reason).toBeUndefined();
  });

  it('is idempotent: the same event again (any key order, with server fields) stores nothing new', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    await pushOne('agent.gz', created);
    const before = await api.pullAll(me.token);
    const reordered = Object.fromEntries(Object.entries(created).reverse());
    const pulledCopy = before.documents.find((d) => d.id === created.id);
    expect(await pushOne('agent.gz', reordered)).toEqual([]);
    expect(await pushOne('agent.gz', pulledCopy)).toEqual([]);
    const after = await api.pullAll(me.token, before.seq);
    expect(after.documents).toEqual([]);
  });

  it('returns the stored event as the conflict when the same id comes with other content', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    await pushOne('agent.gz', created);
    const changed = { ...created, payload: { ...created.payload, description: 'changed afterwards' } };
    const answer = await pushOne('agent.gz', changed);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ id: created.id, status: 'accepted', payload: created.payload });
    const projection = await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token });
    expect(projection.json.description).toBe(created.payload.description);
  });

  it("never shows another branch's stored event through a conflict", async () => {
    const gz = as('agent.gz');
    const created = f.created(gz.user);
    await pushOne('agent.gz', created);
    const dg = as('agent.dg');
    const clash = { ...f.created(dg.user), id: created.id };
    const answer = await pushOne('agent.dg', clash);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ id: created.id, status: 'rejected', reason: { code: 'duplicate_id' } });
    expect(JSON.stringify(answer[0])).not.toContain(created.payload.number as string);
  });

  describe('per-event problems are stored rejected, returned, and never fail the batch', () => {
    const expectRejected = (answer: Json[], id: string, code: string) => {
      const doc = answer.find((d) => d.id === id);
      expect(doc, `answer for ${id}`).toBeDefined();
      expect(doc.status).toBe('rejected');
      expect(doc.reason.code).toBe(code);
      expect(typeof doc.reason.message).toBe('string');
      expect(doc.reason.message.length).toBeGreaterThan(0);
      expect(typeof doc.seq).toBe('number');
    };

    it('schema: a bad payload', async () => {
      const me = as('agent.gz');
      const bad = f.created(me.user);
      (bad.payload as Record<string, unknown>).channel = 'carrier pigeon';
      const good = f.created(me.user);
      const answer = (await api.push(me.token, [bad, good])).json;
      expect(idsOf(answer)).toEqual([bad.id]);
      expectRejected(answer, bad.id, 'schema');
      // Nothing of the rejected event reaches the projections.
      expect((await api.request('GET', `/api/complaints/${bad.complaintId}`, { token: me.token })).status).toBe(404);
      expect((await api.request('GET', `/api/complaints/${good.complaintId}`, { token: me.token })).status).toBe(200);
    });

    it('schema: wrong types and unknown event types', async () => {
      const me = as('agent.gz');
      const wrong = { ...f.created(me.user), hlc: 12, v: 'one' };
      const unknown = { ...f.created(me.user), type: 'complaint.teleported' };
      const answer = (await api.push(me.token, [wrong, unknown])).json;
      expectRejected(answer, wrong.id, 'schema');
      expectRejected(answer, unknown.id, 'unknown_type');
    });

    it('role not allowed for the event type', async () => {
      const me = as('agent.gz');
      const created = f.created(me.user);
      await pushOne('agent.gz', created);
      const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' });
      expectRejected(await pushOne('agent.gz', transfer), transfer.id, 'role_not_allowed');
    });

    it('actor not the caller', async () => {
      const forged = f.created({ id: as('agent2.gz').user.id, branchId: 'gz' });
      expectRejected(await pushOne('agent.gz', forged), forged.id, 'actor_mismatch');
    });

    it('out of scope: another branch, or a complaint in another branch', async () => {
      const dg = as('agent.dg');
      const intoGz = f.created({ id: dg.user.id, branchId: 'gz' });
      expectRejected(await pushOne('agent.dg', intoGz), intoGz.id, 'out_of_scope');
      const gz = as('agent.gz');
      const created = f.created(gz.user);
      await pushOne('agent.gz', created);
      const note = f.make('note.added', { complaintId: created.complaintId, actorId: dg.user.id, branchId: 'dg' });
      expectRejected(await pushOne('agent.dg', note), note.id, 'out_of_scope');
    });

    it("illegal for the complaint's state", async () => {
      const me = as('agent.gz');
      const created = f.created(me.user);
      await pushOne('agent.gz', created);
      const lead = as('lead.gz');
      const close = f.make('complaint.closed', { complaintId: created.complaintId, actorId: lead.user.id, branchId: 'gz' });
      expectRejected(await pushOne('lead.gz', close), close.id, 'illegal_state');
      const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json;
      expect(p.status).toBe('registered');
      expect(p.timeline.map((e: { eventId: string }) => e.eventId)).toEqual([created.id]);
    });

    it('unknown complaint for a non-create event', async () => {
      const me = as('agent.gz');
      const orphan = f.make('note.added', { complaintId: 'no-such-complaint', actorId: me.user.id, branchId: 'gz' });
      expectRejected(await pushOne('agent.gz', orphan), orphan.id, 'unknown_complaint');
    });

    it('rejected events are pulled by their author and admins only', async () => {
      const me = as('agent.gz');
      const bad = { ...f.created(me.user), payload: {} };
      await pushOne('agent.gz', bad);
      const seen = async (name: string) => (await api.pullAll(as(name).token)).documents.some((d) => d.id === bad.id);
      expect(await seen('agent.gz')).toBe(true);
      expect(await seen('admin')).toBe(true);
      expect(await seen('agent2.gz')).toBe(false);
      expect(await seen('lead.gz')).toBe(false);
      expect(await seen('director')).toBe(false);
      // Pushing the rejected event again is a repeat, not a conflict.
      expect(await pushOne('agent.gz', bad)).toEqual([]);
    });
  });

  it('accepts events superseded by concurrency: they are history', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    await pushOne('agent.gz', created);
    const fileA = f.make('work_order.filed', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' });
    const fileB = f.make('work_order.filed', { complaintId: created.complaintId, actorId: as('agent2.gz').user.id, branchId: 'gz' });
    expect(await pushOne('agent.gz', fileA)).toEqual([]);
    expect(await pushOne('agent2.gz', fileB)).toEqual([]);
    const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json;
    expect(p.timeline.map((e: { state: string }) => e.state)).toEqual(['applied', 'applied', 'superseded']);
    expect(p.eventCount).toBe(3);
  });

  it('folds a batch that creates and works a complaint in one go', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    const soothe = f.make('soothing.recorded', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' });
    const file = f.make('work_order.filed', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' });
    const res = await api.push(me.token, [created, soothe, file]);
    expect(res.json).toEqual([]);
    const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json;
    expect(p).toMatchObject({ status: 'filed', eventCount: 3, branchId: 'gz', number: created.payload.number });
  });

  it('concurrent pushes to one complaint each fold on the others: every event accepted, one projection with all of them', async () => {
    const me = as('agent.gz');
    const created = f.created(me.user);
    await pushOne('agent.gz', created);
    const notes = Array.from({ length: 6 }, () =>
      f.make('note.added', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' }),
    );
    // In-process on the shared accept path, so the transactions really overlap on PostgreSQL:
    // pushes decided on a projection another push has since changed must decide again.
    const user = { ...me.user, jobNumber: null } as AuthUser;
    const results = await Promise.all(
      notes.map((n) => acceptEvents(t.server.db, t.server.settings, { kind: 'user', user }, [{ id: n.id, doc: { ...n } }])),
    );
    expect(results.map((r) => r.accepted)).toEqual(notes.map(() => 1));
    const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json;
    expect(p.eventCount).toBe(7);
    expect(new Set(p.timeline.map((e: { eventId: string }) => e.eventId))).toEqual(new Set([created.id, ...notes.map((n) => n.id)]));
    // The stored row continues from there: one more push folds onto all seven.
    expect(await pushOne('agent.gz', f.make('note.added', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' }))).toEqual([]);
    expect((await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json.eventCount).toBe(8);
  });

  it('the same new id pushed at once for two complaints is stored once; the other push sees a conflict', async () => {
    const me = as('agent.gz');
    const a = f.created(me.user);
    const b = { ...f.created(me.user), id: a.id };
    const user = { ...me.user, jobNumber: null } as AuthUser;
    const [ra, rb] = await Promise.all(
      [a, b].map((e) => acceptEvents(t.server.db, t.server.settings, { kind: 'user', user }, [{ id: e.id, doc: { ...e } }])),
    );
    expect([ra?.accepted, rb?.accepted].sort()).toEqual([0, 1]);
    expect((ra?.returned.length ?? 0) + (rb?.returned.length ?? 0)).toBe(1);
  });

  describe('whole-request failures', () => {
    it('400 when the body is not an array of rows with identifiable ids', async () => {
      const me = as('agent.gz');
      const bodies: unknown[] = [
        { not: 'an array' },
        [{ assumedMasterState: null }],
        [{ newDocumentState: { complaintId: 'x' } }],
        [{ newDocumentState: { id: 42 } }],
        [{ newDocumentState: { id: '' } }],
        [{ newDocumentState: { id: 'x'.repeat(300) } }],
        ['row'],
        [null],
      ];
      for (const body of bodies) {
        const res = await api.request('POST', '/api/sync/events/push', { token: me.token, body });
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.json.error.code).toBeTypeOf('string');
      }
      const broken = await api.request('POST', '/api/sync/events/push', { token: me.token, raw: '[{"newDocumentState":' });
      expect(broken.status).toBe(400);
    });

    it('413 beyond 500 rows or 1 MiB', async () => {
      const me = as('agent.gz');
      const rows = Array.from({ length: 501 }, () => ({ assumedMasterState: null, newDocumentState: f.created(me.user) }));
      const many = await api.request('POST', '/api/sync/events/push', { token: me.token, body: rows });
      expect(many.status).toBe(413);
      const big = f.created(me.user);
      (big.payload as Record<string, unknown>).description = 'x'.repeat(1024 * 1024);
      const large = await api.push(me.token, [big]);
      expect(large.status).toBe(413);
      expect(large.json.error.code).toBe('too_large');
      // Nothing of either request was stored.
      const { documents } = await api.pullAll(me.token);
      expect(documents.some((d) => d.id === big.id || d.id === rows[0]?.newDocumentState.id)).toBe(false);
    });

    it('401 without a valid token', async () => {
      const res = await api.push('not-a-token-at-all-0000000', [f.created(as('agent.gz').user)]);
      expect(res.status).toBe(401);
    });
  });

  it("judges each event against the state the push's earlier events left: an officer's [transferred -> dg, note.added] gets the note rejected", async () => {
    const created = f.created(as('agent.gz').user);
    await pushOne('agent.gz', created);
    const officer = as('officer.gz');
    const transfer = f.make('complaint.transferred', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz', payload: { toBranchId: 'dg', reason: 'belongs to dg' } });
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: officer.user.id, branchId: 'gz' });
    const res = await api.push(officer.token, [transfer, note]);
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
    expect(res.json[0]).toMatchObject({ id: note.id, status: 'rejected', reason: { code: 'out_of_scope' } });
    const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: as('director').token })).json;
    expect(p.branchId).toBe('dg');
    expect(p.timeline.map((e: { eventId: string }) => e.eventId)).not.toContain(note.id);
  });
});
