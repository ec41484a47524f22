import { describe, expect, it } from 'vitest';
import type { LocalMeta } from './local-meta';
import { memoryPlatform, type DataPlatform } from './platform-port';
import { createSession } from './session';
import type { Api } from './sync/api';

function memoryMeta(): LocalMeta {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => (values.has(key) ? (structuredClone(values.get(key)) as T) : null),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}

const user = { id: 'user-agent.gz', username: 'agent.gz', displayName: '王芳', role: 'agent', branchId: 'gz', teamId: 'gz-t1' };
const api: Api = {
  baseUrl: async () => 'http://127.0.0.1:8787',
  json: async <T>(method: string, path: string) => {
    if (method === 'POST' && path === '/api/auth/login') return { token: 'tok-1', user, credentialsVersion: 'v1' } as T;
    return {} as T;
  },
  raw: async () => new Response(null),
};

/** An app restart: a new session over the same workstation storage and the same platform secrets. */
const restart = async (meta: LocalMeta, platform: DataPlatform) => {
  const session = createSession({ meta, platform, api, verifierIterations: 1000 });
  await session.restore();
  return session;
};

describe('reopening the app', () => {
  it('resumes a signed-in session with its token when the platform kept it (the desktop keychain)', async () => {
    const meta = memoryMeta();
    const platform = memoryPlatform('http://127.0.0.1:8787');
    const first = createSession({ meta, platform, api, verifierIterations: 1000 });
    expect(await first.signIn('agent.gz', 'demo1234')).toEqual({ ok: true, offline: false });

    const again = await restart(meta, platform);
    expect(again.current()).toMatchObject({ status: 'signed_in', user: { id: user.id } });
    expect(again.token()).toBe('tok-1');
  });

  it('keeps the user and local work but pauses sync when the platform lost the token (a new browser tab)', async () => {
    const meta = memoryMeta();
    const platform = memoryPlatform('http://127.0.0.1:8787');
    await createSession({ meta, platform, api, verifierIterations: 1000 }).signIn('agent.gz', 'demo1234');
    await platform.deleteSecret('sync-token');

    const again = await restart(meta, platform);
    expect(again.current()).toMatchObject({ status: 'expired', user: { id: user.id } });
    expect(again.token()).toBeNull();
  });

  it('stays signed out after a sign-out', async () => {
    const meta = memoryMeta();
    const platform = memoryPlatform('http://127.0.0.1:8787');
    const first = createSession({ meta, platform, api, verifierIterations: 1000 });
    await first.signIn('agent.gz', 'demo1234');
    await first.signOut();
    const again = await restart(meta, platform);
    expect(again.current().status).toBe('signed_out');
    expect(await platform.getSecret('sync-token')).toBeNull();
  });
});
