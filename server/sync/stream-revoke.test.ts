import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { SseClient } from '../test-support/sse-client';

/** Heartbeats a minute apart: a stream that ends within seconds was ended by the revocation itself. */
const HEARTBEAT_MS = 60_000;
const AT_ONCE_MS = 3_000;

describe.each(storageKinds())("a revoked token's stream closes at once, on %s", (storage) => {
  const t = suiteServer(storage, { config: { heartbeatMs: HEARTBEAT_MS } });
  let url = '';
  const api = t.api;
  const open: SseClient[] = [];

  beforeAll(async () => {
    url = await t.server.listen();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
  });

  const streamFor = async (token: string, base = url) => {
    const s = await SseClient.open(`${base}/api/sync/events/stream`, token);
    open.push(s);
    expect(s.status).toBe(200);
    return s;
  };

  it('logout ends the stream of that token and leaves the same user’s other session streaming', async () => {
    const first = await api.login('agent.gz');
    const second = await api.login('agent.gz');
    const s1 = await streamFor(first.token);
    const s2 = await streamFor(second.token);
    await api.request('POST', '/api/auth/logout', { token: first.token });
    await s1.until(() => s1.ended, AT_ONCE_MS, 'the stream to end after logout');
    expect(s2.ended).toBe(false);
  });

  it('disabling a user ends their streams at once', async () => {
    const admin = await api.login('admin');
    const agent = await api.login('agent2.gz');
    const s = await streamFor(agent.token);
    const res = await api.request('PATCH', `/api/admin/users/${agent.user.id}`, { token: admin.token, body: { disabled: true } });
    expect(res.status).toBe(200);
    try {
      await s.until(() => s.ended, AT_ONCE_MS, 'the stream to end after the user was disabled');
    } finally {
      await api.request('PATCH', `/api/admin/users/${agent.user.id}`, { token: admin.token, body: { disabled: false } });
    }
  });

  if (storage === 'postgres') {
    it('a logout on one server process ends the stream held by another', async () => {
      const second = await startTestServer('postgres', { databaseSchema: t.schema as string, seedDemo: false, heartbeatMs: HEARTBEAT_MS });
      try {
        const secondUrl = await second.server.listen();
        const session = await api.login('lead.gz');
        const s = await streamFor(session.token, secondUrl);
        await api.request('POST', '/api/auth/logout', { token: session.token });
        await s.until(() => s.ended, AT_ONCE_MS, 'the other process to end the stream');
      } finally {
        await second.cleanup();
      }
    });
  }
});
