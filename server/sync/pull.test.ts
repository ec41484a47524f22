import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/tokens';
import { acceptEvents } from './accept';
import { EventFactory, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('pull on %s', (storage) => {
  const t = suiteServer(storage, {
    logins: ['agent.gz', 'lead.gz', 'officer.gz', 'quality.gz', 'supervisor.gz', 'agent.dg', 'lead.dg', 'supervisor.dg', 'director', 'admin'],
  });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  let gzComplaint = '';
  let dgComplaint = '';

  beforeAll(async () => {
    const gz = f.created(as('agent.gz').user);
    const dg = f.created(as('agent.dg').user);
    gzComplaint = gz.complaintId;
    dgComplaint = dg.complaintId;
    expect((await api.push(as('agent.gz').token, [gz])).json).toEqual([]);
    expect((await api.push(as('agent.dg').token, [dg])).json).toEqual([]);
  });

  it('scopes by branch: branch roles see their branch, directors and admins everything', async () => {
    const sees = async (name: string) => {
      const ids = new Set((await api.pullAll(as(name).token)).documents.map((d) => d.complaintId));
      return [ids.has(gzComplaint), ids.has(dgComplaint)];
    };
    for (const name of ['agent.gz', 'lead.gz', 'officer.gz', 'quality.gz', 'supervisor.gz']) {
      expect(await sees(name), name).toEqual([true, false]);
    }
    for (const name of ['agent.dg', 'lead.dg', 'supervisor.dg']) expect(await sees(name), name).toEqual([false, true]);
    for (const name of ['director', 'admin']) expect(await sees(name), name).toEqual([true, true]);
  });

  it('pages by checkpoint: limit honoured, fewer than limit means caught up, no repeats', async () => {
    const me = as('agent.gz');
    await api.push(me.token, Array.from({ length: 7 }, () => f.created(me.user)));
    const seen: string[] = [];
    let cp = 0;
    for (let i = 0; i < 100; i++) {
      const res = await api.pull(me.token, cp, 3);
      expect(res.status).toBe(200);
      seen.push(...res.json.documents.map((d: { id: string }) => d.id));
      expect(res.json.checkpoint.seq).toBeGreaterThanOrEqual(cp);
      cp = res.json.checkpoint.seq;
      if (res.json.documents.length < 3) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await api.pullAll(me.token);
    expect(seen).toEqual(all.documents.map((d) => d.id));
    const before = Date.now();
    const caughtUp = await api.pull(me.token, cp, 3);
    expect(caughtUp.json).toEqual({ documents: [], checkpoint: { seq: cp }, serverTime: expect.any(String) });
    // The server's clock, for workstations to keep their HLC within the skew bound.
    const serverTime = Date.parse(caughtUp.json.serverTime);
    expect(serverTime).toBeGreaterThanOrEqual(before);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('defaults: no seq is from the start, limit defaults to 200 and is capped at 1000', async () => {
    const me = as('admin');
    const first = await api.request('GET', '/api/sync/events/pull', { token: me.token });
    expect(first.status).toBe(200);
    expect(first.json.documents.length).toBeGreaterThan(0);
    expect(first.json.documents.length).toBeLessThanOrEqual(200);
    expect((await api.pull(me.token, 0, 5000)).status).toBe(200);
    for (const bad of ['seq=-1', 'seq=abc', 'limit=0', 'limit=x', 'seq=1e3']) {
      const res = await api.request('GET', `/api/sync/events/pull?${bad}`, { token: me.token });
      expect(res.status, bad).toBe(400);
    }
  });

  it('delivers a transferred complaint with its whole history to the new branch, past its checkpoint', async () => {
    const agent = as('agent.gz');
    const created = f.created(agent.user);
    const soothe = f.make('soothing.recorded', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz', payload: { text: '客户情绪激动' } });
    expect((await api.push(agent.token, [created, soothe, note])).json).toEqual([]);

    // The Dongguan agent is caught up past those events' sequence numbers.
    const dg = as('agent.dg');
    const before = await api.pullAll(dg.token);
    expect(before.documents.some((d) => d.complaintId === created.complaintId)).toBe(false);
    const dgGet = await api.request('GET', `/api/complaints/${created.complaintId}`, { token: dg.token });
    expect(dgGet.status).toBe(404);

    const officer = as('officer.gz');
    const transfer = f.make('complaint.transferred', {
      complaintId: created.complaintId,
      actorId: officer.user.id,
      branchId: 'gz',
      payload: { toBranchId: 'dg', reason: '被投诉人属东莞' },
    });
    expect((await api.push(officer.token, [transfer])).json).toEqual([]);

    const after = await api.pullAll(dg.token, before.seq);
    const got = after.documents.filter((d) => d.complaintId === created.complaintId).map((d) => d.id);
    expect(new Set(got)).toEqual(new Set([created.id, soothe.id, note.id, transfer.id]));
    const projection = await api.request('GET', `/api/complaints/${created.complaintId}`, { token: dg.token });
    expect(projection.status).toBe(200);
    expect(projection.json).toMatchObject({ branchId: 'dg', eventCount: 4 });

    // The old branch learns of the transfer, then loses sight of the complaint.
    const gzDocs = (await api.pullAll(agent.token)).documents.map((d) => d.id);
    expect(gzDocs).toContain(transfer.id);
    expect((await api.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).status).toBe(404);
    const lateNote = f.make('note.added', { complaintId: created.complaintId, actorId: dg.user.id, branchId: 'dg', payload: { text: '已接手' } });
    expect((await api.push(dg.token, [lateNote])).json).toEqual([]);
    expect((await api.pullAll(agent.token)).documents.map((d) => d.id)).not.toContain(lateNote.id);
    // Directors see each event once, not the re-announcements.
    const directorIds = (await api.pullAll(as('director').token)).documents.map((d) => d.id);
    expect(directorIds.filter((id) => id === created.id)).toHaveLength(1);
  });

  it('never skips: concurrent writers, an incremental reader sees every accepted event exactly once', async () => {
    const writers = ['agent.gz', 'lead.gz', 'officer.gz', 'supervisor.gz'].map((n) => as(n));
    const reader = as('director');
    let cp = (await api.pullAll(reader.token)).seq;
    const seen = new Set<string>();
    const written: string[] = [];
    let done = false;
    const read = (async () => {
      while (!done) {
        const res = await api.pull(reader.token, cp, 50);
        for (const d of res.json.documents) {
          expect(seen.has(d.id)).toBe(false);
          seen.add(d.id);
        }
        cp = res.json.checkpoint.seq;
      }
    })();
    // In-process writers on the shared accept path, so transactions really overlap on PostgreSQL.
    await Promise.all(
      writers.map(async (w, wi) => {
        const factory = new EventFactory();
        for (let round = 0; round < 8; round++) {
          const batch = Array.from({ length: 5 }, () => factory.created(w.user));
          written.push(...batch.map((e) => e.id));
          const user = { ...w.user, jobNumber: null } as AuthUser;
          const rows = batch.map((d) => ({ id: d.id, doc: { ...d } }));
          const r = await acceptEvents(t.server.db, t.server.settings, { kind: 'user', user }, rows);
          expect(r.accepted, `writer ${wi}`).toBe(5);
        }
      }),
    );
    done = true;
    await read;
    const rest = await api.pullAll(reader.token, cp);
    for (const d of rest.documents) seen.add(d.id);
    for (const id of written) expect(seen.has(id)).toBe(true);
  });

  // How fast is the push-pull benchmark's (bench/), not a bound asserted on a shared test machine.
  it('serves 1,000 events in one pull', async () => {
    const me = as('agent.gz');
    const factory = new EventFactory();
    for (let i = 0; i < 5; i++) {
      const res = await api.push(me.token, Array.from({ length: 200 }, () => factory.created(me.user)));
      expect(res.json).toEqual([]);
    }
    const res = await api.pull(me.token, 0, 1000);
    const ids = (res.json.documents as { id: string }[]).map((d) => d.id);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  });
});
