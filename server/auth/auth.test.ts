import { describe, expect, it } from 'vitest';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('auth on %s', (storage) => {
  const t = suiteServer(storage, { config: { loginMaxFailures: 3, tokenTtlSeconds: 3600 } });
  const api = t.api;

  it('signs in a demo user and returns the token and the user without secrets', async () => {
    const res = await api.request('POST', '/api/auth/login', { body: { username: 'lead.gz', password: 'demo1234' } });
    expect(res.status).toBe(200);
    expect(res.json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.json.user).toMatchObject({ username: 'lead.gz', role: 'team_lead', branchId: 'gz', teamId: 'gz-t1' });
    expect(res.json.user.displayName).toBeTypeOf('string');
    expect(JSON.stringify(res.json)).not.toMatch(/scrypt|password/i);
    const me = await api.request('GET', '/api/auth/me', { token: res.json.token });
    expect(me.json.user.username).toBe('lead.gz');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await api.request('POST', '/api/auth/login', { body: { username: 'nobody.here', password: 'demo1234' } });
    const wrong = await api.request('POST', '/api/auth/login', { body: { username: 'agent2.gz', password: 'wrong-password' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('stores only hashes of passwords and tokens', async () => {
    const { token } = await api.login('quality.gz');
    const users = await t.server.db.query<{ password_hash: string }>("select password_hash from users where username = 'quality.gz'");
    expect(users[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(users[0]?.password_hash).not.toContain('demo1234');
    const tokens = await t.server.db.query<{ token_hash: string }>('select token_hash from auth_tokens');
    expect(tokens.some((r) => r.token_hash === token)).toBe(false);
  });

  it('rate-limits repeated failures with 429, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await api.request('POST', '/api/auth/login', { body: { username: 'supervisor.dg', password: `guess-${i}` } });
      expect(res.status).toBe(401);
    }
    const limited = await api.request('POST', '/api/auth/login', { body: { username: 'supervisor.dg', password: 'demo1234' } });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  // Each guess from its own address, as from a botnet: only the per-username count can stop them.
  const loginFrom = (i: number, username: string, password: string) =>
    t.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      payload: { username, password },
    });

  it('parallel wrong passwords for one user: no more than the limit reach the password check', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(i, 'officer.gz', `guess-${i}`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
  });

  it('the right password among parallel tries does not get in past the limit', async () => {
    const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'demo1234' : `guess-${i}`));
    const answers = await Promise.all(tries.map((password, i) => loginFrom(100 + i, 'supervisor.gz', password)));
    const passed = answers.filter((a) => a.statusCode !== 429);
    // Three attempts at most are judged; had the right one been among them, it signs in, else it is refused.
    expect(passed.length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.statusCode === 200).length).toBeLessThanOrEqual(passed.length);
    const right = answers[29]!;
    if (right.statusCode !== 200) expect(right.statusCode).toBe(429);
    // Once the limit is reached, the right password is refused too.
    if (!answers.some((a) => a.statusCode === 200)) {
      expect((await loginFrom(200, 'supervisor.gz', 'demo1234')).statusCode).toBe(429);
    }
  });

  it('400 for a malformed login body', async () => {
    for (const body of [{}, { username: 'x' }, { username: 1, password: 2 }, []]) {
      expect((await api.request('POST', '/api/auth/login', { body })).status).toBe(400);
    }
    expect((await api.request('POST', '/api/auth/login', { raw: '{"username":' })).status).toBe(400);
  });

  it('logout revokes the token', async () => {
    const { token } = await api.login('agent.dg');
    expect((await api.pull(token)).status).toBe(200);
    const out = await api.request('POST', '/api/auth/logout', { token, headers: { 'content-type': 'application/json' } });
    expect(out.status).toBe(204);
    const after = await api.pull(token);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('invalid_token');
  });

  it('an expired token is refused', async () => {
    const { token } = await api.login('lead.dg');
    await t.server.db.query("update auth_tokens set expires_at = now() - interval '1 second'");
    expect((await api.pull(token)).status).toBe(401);
  });

  it('401 for missing or malformed authorization on every API route', async () => {
    for (const [method, url] of [
      ['GET', '/api/sync/events/pull'],
      ['POST', '/api/sync/events/push'],
      ['GET', '/api/complaints'],
      ['GET', '/api/complaints/x'],
      ['GET', '/api/reference'],
      ['GET', '/api/admin/users'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      expect((await api.request(method, url)).status, `${method} ${url}`).toBe(401);
      expect((await api.request(method, url, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
      expect((await api.request(method, url, { headers: { authorization: "Bearer ' or 1=1 --" } })).status).toBe(401);
    }
  });
});
