import { describe, expect, it } from 'vitest';
import type { LocalMeta } from './local-meta';
import { memoryPlatform } from './platform-port';
import { createSession, type Session } from './session';
import type { Api } from './sync/api';

const director = { id: 'user-director', username: 'director', displayName: '周总', role: 'director', branchId: '', teamId: null };
const agent = { id: 'user-agent.dg', username: 'agent.dg', displayName: '陈静', role: 'agent', branchId: 'dg', teamId: 'dg-t1' };

/** Storage whose reads answer a little later with what was stored when asked, as IndexedDB's do. */
function slowMeta(): LocalMeta {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => {
      const value = values.has(key) ? (structuredClone(values.get(key)) as T) : null;
      return new Promise<T | null>((resolve) => setTimeout(() => resolve(value), 5));
    },
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}

/** A server whose logout ends the token at once: a request still on its way is then answered 401. */
function server(onLogout: () => void): Api {
  let logins = 0;
  return {
    baseUrl: async () => 'http://127.0.0.1:8787',
    json: async <T>(method: string, path: string, body?: unknown) => {
      if (method === 'POST' && path === '/api/auth/login') {
        const user = (body as { username: string }).username === 'director' ? director : agent;
        return { token: `tok-${user.username}-${++logins}`, user, credentialsVersion: 'v1' } as T;
      }
      if (method === 'POST' && path === '/api/auth/logout') onLogout();
      return {} as T;
    },
    raw: async () => new Response(null),
  };
}

function sessionWith(meta: LocalMeta, onLogout: (s: Session) => void): Session {
  const ref: { s?: Session } = {};
  const s = createSession({ meta, platform: memoryPlatform('http://127.0.0.1:8787'), api: server(() => onLogout(ref.s!)), verifierIterations: 1000 });
  ref.s = s;
  return s;
}

describe('a 401 for a token that a sign-out ended', () => {
  it('does not bring the signed-out user back as expired', async () => {
    const meta = slowMeta();
    let expiring: Promise<void> | null = null;
    // The sync's pull was on its way with the director's token; the logout ends it and the pull is refused.
    const session = sessionWith(meta, (s) => (expiring = s.markExpired(director.id, s.token())));
    await session.signIn('director', 'demo1234');

    await session.signOut();
    await expiring;

    expect(expiring).not.toBeNull();
    expect(session.current()).toMatchObject({ user: null, status: 'signed_out' });
    // Nor after a restart: the stored session is gone.
    const again = createSession({ meta, platform: memoryPlatform('http://127.0.0.1:8787'), api: server(() => undefined), verifierIterations: 1000 });
    await again.restore();
    expect(again.current()).toMatchObject({ user: null, status: 'signed_out' });
  });

  it("leaves the next user's session alone", async () => {
    const meta = slowMeta();
    const session = sessionWith(meta, () => undefined);
    await session.signIn('director', 'demo1234');
    await session.signOut();
    await session.signIn('agent.dg', 'demo1234');

    await session.markExpired(director.id, 'tok-director-1');

    expect(session.current()).toMatchObject({ user: { id: agent.id }, status: 'signed_in' });
    expect(session.token()).toBe('tok-agent.dg-2');
  });

  it('still expires the signed-in user', async () => {
    const session = sessionWith(slowMeta(), () => undefined);
    await session.signIn('agent.dg', 'demo1234');

    await session.markExpired(agent.id, session.token());

    expect(session.current()).toMatchObject({ user: { id: agent.id }, status: 'expired' });
  });

  it("does not expire the same user's next sign-in, whatever token the refused request carried", async () => {
    const session = sessionWith(slowMeta(), () => undefined);
    await session.signIn('agent.dg', 'demo1234');
    const old = session.token();
    await session.signOut();

    // Signing in again while requests of the closing replica are refused: one sent after the
    // sign-out (no token), one sent before it (the old token).
    const again = session.signIn('agent.dg', 'demo1234');
    const withoutToken = session.markExpired(agent.id, null);
    const withOldToken = session.markExpired(agent.id, old);
    await Promise.all([again, withoutToken, withOldToken]);

    expect(session.current()).toMatchObject({ user: { id: agent.id }, status: 'signed_in' });
    expect(session.token()).not.toBe(old);
  });
});
