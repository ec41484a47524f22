import { beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../shared/fold/fold';
import { withoutEvents } from '../../shared/fold/projection';
import { EventFactory, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('complaint projections on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz', 'lead.gz', 'agent.dg', 'director'] });
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  const ids = { old: '', fresh: [] as string[], urgent: '', dg: '' };

  beforeAll(async () => {
    const gz = as('agent.gz');
    // Received long ago: every clock has breached.
    const old = f.created(gz.user, { at: new Date('2026-01-05T02:00:00.000Z') });
    ids.old = old.complaintId;
    const fresh = Array.from({ length: 5 }, () => f.created(gz.user));
    ids.fresh = fresh.map((e) => e.complaintId);
    const urgent = f.created(gz.user, { grade: 3 });
    ids.urgent = urgent.complaintId;
    const dg = f.created(as('agent.dg').user);
    ids.dg = dg.complaintId;
    expect((await api.push(gz.token, [old, ...fresh, urgent])).json).toEqual([]);
    expect((await api.push(as('agent.dg').token, [dg])).json).toEqual([]);
  });

  it("GET /api/complaints/:id equals the shared fold of the complaint's accepted events", async () => {
    const me = as('agent.gz');
    const note = f.make('note.added', { complaintId: ids.urgent, actorId: me.user.id, branchId: 'gz', payload: { text: '第二次来电' } });
    const bad = f.make('complaint.closed', { complaintId: ids.urgent, actorId: as('lead.gz').user.id, branchId: 'gz' });
    await api.push(me.token, [note]);
    await api.push(as('lead.gz').token, [bad]);
    const detail = await api.request('GET', `/api/complaints/${ids.urgent}`, { token: me.token });
    expect(detail.status).toBe(200);
    const events = (await api.pullAll(as('director').token)).documents.filter((d) => d.complaintId === ids.urgent);
    const settings = await t.server.settings.current();
    const expected = withoutEvents(fold(events, settings)!);
    expect(detail.json).toEqual(JSON.parse(JSON.stringify(expected)));
    for (const field of ['id', 'number', 'status', 'category', 'grade', 'branchId', 'assigneeId', 'escalationLevel', 'deadlines', 'createdAt', 'updatedAt', 'eventCount']) {
      expect(detail.json, field).toHaveProperty(field);
    }
    expect(detail.json.grade).toBe(3);
    expect(detail.json.eventCount).toBe(2);
  });

  it('404 for unknown and out-of-scope complaints alike', async () => {
    const me = as('agent.gz');
    const unknown = await api.request('GET', '/api/complaints/does-not-exist', { token: me.token });
    const other = await api.request('GET', `/api/complaints/${ids.dg}`, { token: me.token });
    expect(unknown.status).toBe(404);
    expect(other.status).toBe(404);
    expect(unknown.body).toBe(other.body);
  });

  it('lists newest first with a cursor that pages through everything once', async () => {
    const me = as('agent.gz');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api.request('GET', `/api/complaints?limit=2${q}`, { token: me.token });
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.items.map((c: { id: string }) => c.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.urgent, ...[...ids.fresh].reverse(), ids.old]);
    expect(seen).not.toContain(ids.dg);
    for (const item of (await api.request('GET', '/api/complaints', { token: me.token })).json.items) {
      expect(item.events).toBeUndefined();
    }
  });

  it('filters by status, grade, branch and overdue', async () => {
    const d = as('director');
    const list = async (q: string) =>
      ((await api.request('GET', `/api/complaints?${q}`, { token: d.token })).json.items as { id: string }[]).map((c) => c.id);
    expect(await list('grade=3')).toEqual([ids.urgent]);
    expect(await list('branchId=dg')).toEqual([ids.dg]);
    expect((await list('status=registered')).length).toBe(8);
    expect(await list('status=closed')).toEqual([]);
    expect(await list('overdue=true')).toEqual([ids.old]);
    expect(await list('overdue=false')).not.toContain(ids.old);
    expect(await list('status=registered,closed&branchId=gz&grade=1&overdue=true')).toEqual([ids.old]);
  });

  it('the deadline watcher escalates breached clocks once, as system, with breach ids', async () => {
    const me = as('agent.gz');
    // A workstation already wrote the handling breach escalation: the server must not write it again.
    const clientCopy = f.make('complaint.escalated', {
      complaintId: ids.old,
      actorId: me.user.id,
      branchId: 'gz',
      id: (await import('../../shared/ids/breach-id')).breachEventId(ids.old, 'handling'),
      payload: { fromLevel: 0, toLevel: 1, reason: 'breach', clock: 'handling' },
    });
    expect((await api.push(me.token, [clientCopy])).json).toEqual([]);

    const now = new Date();
    const first = await t.server.runDeadlineWatch(now);
    const detail = (await api.request('GET', `/api/complaints/${ids.old}`, { token: me.token })).json;
    const breaches = detail.escalations.filter((e: { reason: string }) => e.reason === 'breach');
    const clocks = breaches.map((e: { clock: string }) => e.clock).sort();
    expect(clocks).toEqual(['acceptanceReview', 'handling', 'initialVerification']);
    expect(first.escalated).toBe(2);
    const system = breaches.filter((e: { actorId: string }) => e.actorId === 'system');
    expect(system).toHaveLength(2);
    expect(detail.escalationLevel).toBe(3);

    const again = await t.server.runDeadlineWatch(now);
    expect(again.escalated).toBe(0);
    // Fresh complaints are not breached yet.
    for (const id of ids.fresh) {
      const p = (await api.request('GET', `/api/complaints/${id}`, { token: me.token })).json;
      expect(p.escalations).toEqual([]);
    }
    // The branch sees the server's escalations in its feed.
    const pulled = (await api.pullAll(me.token)).documents.filter((d) => d.complaintId === ids.old && d.actorId === 'system');
    expect(pulled).toHaveLength(2);
    expect(pulled.every((d) => d.status === 'accepted' && d.type === 'complaint.escalated')).toBe(true);
  });

  it('the watcher at a later explicit time escalates clocks breached by then', async () => {
    const later = new Date(Date.now() + 60 * 86_400_000);
    const r = await t.server.runDeadlineWatch(later);
    expect(r.escalated).toBeGreaterThanOrEqual(ids.fresh.length);
    const p = (await api.request('GET', `/api/complaints/${ids.fresh[0]}`, { token: as('agent.gz').token })).json;
    expect(p.escalations.some((e: { clock: string }) => e.clock === 'handling')).toBe(true);
  });
});
