import { describe, expect, it } from 'vitest';
import { memoryPlatform } from './platform-port';
import { changeServer } from './server-change';

function session() {
  const calls: string[] = [];
  return { calls, serverChanged: async () => void calls.push('serverChanged') };
}

describe('changeServer', () => {
  it('saves a new address and lets go of the old server’s token', async () => {
    const platform = memoryPlatform('https://central.example.com');
    const s = session();
    expect(await changeServer(platform, s, ' http://127.0.0.1:8788/ ')).toEqual({
      ok: true,
      serverUrl: 'http://127.0.0.1:8788',
      changed: true,
      reloadRequired: false,
    });
    expect(await platform.getServerUrl()).toBe('http://127.0.0.1:8788');
    expect(s.calls).toEqual(['serverChanged']);
  });

  it('changes nothing for the address already in use', async () => {
    const s = session();
    const result = await changeServer(memoryPlatform('https://central.example.com'), s, 'https://central.example.com/');
    expect(result).toMatchObject({ ok: true, changed: false });
    expect(s.calls).toEqual([]);
  });

  it('answers why the platform refused, and keeps the session', async () => {
    const s = session();
    expect(await changeServer(memoryPlatform('https://central.example.com'), s, 'http://hub-gz:8787')).toEqual({ ok: false, error: 'plain_http' });
    expect(await changeServer(memoryPlatform('https://central.example.com'), s, '')).toEqual({ ok: false, error: 'empty' });
    const declining = memoryPlatform('https://central.example.com', () => false);
    expect(await changeServer(declining, s, 'https://hub.example.com')).toEqual({ ok: false, error: 'declined' });
    expect(await declining.getServerUrl()).toBe('https://central.example.com');
    const broken = { ...memoryPlatform('https://central.example.com'), setServerUrl: () => Promise.reject(new Error('IPC closed')) };
    expect(await changeServer(broken, s, 'https://hub.example.com')).toEqual({ ok: false, error: 'failed' });
    const { setServerUrl: _none, ...fixed } = memoryPlatform('https://central.example.com');
    expect(await changeServer(fixed, s, 'https://hub.example.com')).toEqual({ ok: false, error: 'unavailable' });
    expect(s.calls).toEqual([]);
  });
});
