import { describe, expect, it } from 'vitest';
import { EventFactory, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

const sample = (text: string, name: string, labels: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

describe.each(storageKinds())('/metrics on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['agent.gz'] });
  const api = t.api;
  const f = new EventFactory();

  it('counts a push, its rejected event by reason, the pulls, the watcher runs and open streams', async () => {
    const me = t.as('agent.gz');
    const created = f.created(me.user);
    const stray = f.make('complaint.closed', { complaintId: created.complaintId, actorId: me.user.id, branchId: me.user.branchId });
    expect((await api.push(me.token, [created])).status).toBe(200);
    // An agent closing a complaint just registered: stored rejected, with its reason.
    const answer = await api.push(me.token, [stray]);
    const reason: string = answer.json[0].reason.code;
    expect(reason).toMatch(/^[a-z_]+$/);
    expect((await api.pull(me.token, 0)).status).toBe(200);
    await t.server.runDeadlineWatch();

    const res = await api.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(sample(text, 'hotline_http_request_duration_seconds_count', 'method="POST",route="/api/sync/events/push",status="200"')).toBe(2);
    expect(sample(text, 'hotline_http_request_duration_seconds_count', 'method="GET",route="/api/sync/events/pull",status="200"')).toBe(1);
    expect(sample(text, 'hotline_events_rejected_total', `reason="${reason}"`)).toBe(1);
    expect(sample(text, 'hotline_deadline_watcher_runs_total', 'outcome="ok"')).toBe(1);
    expect(text).toContain('hotline_open_streams 0');
    // The pool gauge is there on PostgreSQL, absent on PGlite (one connection, no pool).
    expect(text.includes('hotline_db_pool_connections{state="total"}')).toBe(storage === 'postgres');
  });
});

describe('/metrics protection', () => {
  const open = suiteServer('pglite');
  const guarded = suiteServer('pglite', { config: { metricsToken: 'scrape-secret-1' } });

  it('without METRICS_TOKEN answers this machine only', async () => {
    expect((await open.api.request('GET', '/metrics')).status).toBe(200);
    const remote = await open.server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
  });

  it('with METRICS_TOKEN answers the bearer of that token, from anywhere', async () => {
    expect((await guarded.api.request('GET', '/metrics')).status).toBe(401);
    expect((await guarded.api.request('GET', '/metrics', { token: 'scrape-secret-2' })).status).toBe(401);
    const remote = await guarded.server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer scrape-secret-1' } });
    expect(remote.statusCode).toBe(200);
  });
});
