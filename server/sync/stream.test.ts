import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, startTestServer, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { SseClient } from '../test-support/sse-client';

describe.each(storageKinds())('stream on %s', (storage) => {
  const t = suiteServer(storage, { config: { heartbeatMs: 300 }, logins: ['agent.gz', 'agent.dg', 'director', 'lead.gz'] });
  let url = '';
  const api = t.api;
  const f = new EventFactory();
  const as = t.as;
  const open: SseClient[] = [];
  const stream = async (name: string) => {
    const s = await SseClient.open(`${url}/api/sync/events/stream`, as(name).token);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    url = await t.server.listen();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
  });

  it('sends new events with the pull checkpoint, scoped like pull', async () => {
    const gz = await stream('agent.gz');
    const dg = await stream('agent.dg');
    const director = await stream('director');
    expect(gz.status).toBe(200);
    const created = f.created(as('agent.gz').user);
    expect((await api.push(as('agent.gz').token, [created])).json).toEqual([]);
    await gz.until(() => gz.documents().some((d) => d.id === created.id), 5000, 'gz document');
    await director.until(() => director.documents().some((d) => d.id === created.id), 5000, 'director document');
    const message = gz.messages.find((m) => typeof m === 'object') as { documents: { id: string; seq: number; status: string }[]; checkpoint: { seq: number } };
    expect(message.documents[0]).toMatchObject({ id: created.id, status: 'accepted' });
    // The checkpoint is one pull accepts: pulling from it finds nothing older.
    const fromCheckpoint = await api.pull(as('agent.gz').token, message.checkpoint.seq);
    expect(fromCheckpoint.json.documents.map((d: { id: string }) => d.id)).not.toContain(created.id);
    const dgCreated = f.created(as('agent.dg').user);
    await api.push(as('agent.dg').token, [dgCreated]);
    await dg.until(() => dg.documents().some((d) => d.id === dgCreated.id), 5000, 'dg document');
    expect(dg.documents().map((d) => d.id)).not.toContain(created.id);
    expect(gz.documents().map((d) => d.id)).not.toContain(dgCreated.id);
  });

  it('sends a rejected event to its author only', async () => {
    const author = await stream('agent.gz');
    const colleague = await stream('lead.gz');
    const bad = { ...f.created(as('agent.gz').user), payload: { nonsense: true } };
    const good = f.created(as('agent.gz').user);
    await api.push(as('agent.gz').token, [bad, good]);
    await author.until(() => author.documents().some((d) => d.id === bad.id), 5000, 'rejected doc');
    await colleague.until(() => colleague.documents().some((d) => d.id === good.id), 5000, 'good doc');
    expect(author.documents().find((d) => d.id === bad.id)).toMatchObject({ status: 'rejected' });
    expect(colleague.documents().map((d) => d.id)).not.toContain(bad.id);
  });

  it('sends heartbeat comments and answers 401 without a token', async () => {
    const s = await SseClient.open(`${url}/api/sync/events/stream`, as('agent.gz').token, { origin: 'app://hotline-desk' });
    open.push(s);
    // The desktop app reads the stream cross-origin.
    expect(s.headers.get('access-control-allow-origin')).toBe('app://hotline-desk');
    expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await s.until(() => s.comments >= 3, 5000, 'heartbeats');
    const anonymous = await fetch(`${url}/api/sync/events/stream`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBeTypeOf('string');
  });

  it('ends the stream once the token is revoked', async () => {
    const session = await api.login('agent.gz');
    const s = await SseClient.open(`${url}/api/sync/events/stream`, session.token);
    open.push(s);
    expect(s.status).toBe(200);
    await api.request('POST', '/api/auth/logout', { token: session.token });
    await s.until(() => s.ended, 5000, 'stream end after logout');
  });

  if (storage === 'postgres') {
    it('fans out across processes: a write on one server reaches a stream on another', async () => {
      const second = await startTestServer('postgres', { databaseSchema: t.schema as string, seedDemo: false, heartbeatMs: 300 });
      try {
        const secondUrl = await second.server.listen();
        const s = await SseClient.open(`${secondUrl}/api/sync/events/stream`, as('director').token);
        open.push(s);
        expect(s.status).toBe(200);
        const created = f.created(as('agent.gz').user);
        await api.push(as('agent.gz').token, [created]);
        await s.until(() => s.documents().some((d) => d.id === created.id), 5000, 'cross-process document');
      } finally {
        await second.cleanup();
      }
    });

    it('sends RESYNC when the notification connection was lost', async () => {
      const s = await stream('agent.gz');
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where query ilike $1 and pid <> pg_backend_pid()`,
          [`listen hotline_events_${t.schema}%`],
        );
      } finally {
        await admin.end();
      }
      await s.until(() => s.resyncs() >= 1, 8000, 'RESYNC');
      // And live delivery continues on the new connection.
      const created = f.created(as('agent.gz').user);
      await api.push(as('agent.gz').token, [created]);
      await s.until(() => s.documents().some((d) => d.id === created.id), 5000, 'document after reconnect');
    });
  }

  // Last: it shuts the file's server down.
  it('closes open streams on shutdown', async () => {
    const s = await stream('agent.gz');
    await s.until(() => s.comments >= 1, 5000, 'stream open');
    const closing = t.server.close();
    await s.until(() => s.ended, 5000, 'stream end on shutdown');
    await closing;
  });
});
