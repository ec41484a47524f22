import { describe, expect, it } from 'vitest';
import type { JsonFile } from './json-file';
import { LAN_HOSTS_ENV, SERVER_URL_ENV, createServerSettings, loadLanHosts, serverUrlOverride } from './settings';
import { serverChangeRefusal } from '../shared/platform/server-change-refusal';

function memoryFile(initial?: unknown): JsonFile & { value: () => unknown } {
  let value = initial;
  return {
    read: async () => value,
    write: async (next) => {
      value = next;
    },
    value: () => value,
  };
}

describe('serverUrlOverride', () => {
  it('prefers the command line to the environment', () => {
    expect(serverUrlOverride(['/usr/bin/electron', '.', '--server-url=http://127.0.0.1:9000/'], { [SERVER_URL_ENV]: 'http://10.0.0.1' })).toEqual({
      url: 'http://127.0.0.1:9000',
      source: 'argument',
    });
    expect(serverUrlOverride(['electron'], { [SERVER_URL_ENV]: 'https://sync.example.com' })).toEqual({
      url: 'https://sync.example.com',
      source: 'environment',
    });
    expect(serverUrlOverride(['electron'], { [SERVER_URL_ENV]: '  ' })).toBeUndefined();
    expect(serverUrlOverride(['electron'], {})).toBeUndefined();
  });

  it('refuses plain http to a host that is neither this computer nor on the LAN list', () => {
    expect(serverUrlOverride(['--server-url=http://sync.example.com'], {})).toEqual({ error: expect.stringContaining('https') });
    expect(serverUrlOverride([], { [SERVER_URL_ENV]: 'http://10.0.0.1' })).toEqual({ error: expect.stringContaining('https') });
    expect(serverUrlOverride([], { [SERVER_URL_ENV]: 'http://10.0.0.1' }, ['10.0.0.0/8'])).toEqual({ url: 'http://10.0.0.1', source: 'environment' });
  });

  it('reports an unusable override', () => {
    expect(serverUrlOverride(['--server-url=file:///x'], {})).toEqual({ error: expect.stringContaining('--server-url=') });
    expect(serverUrlOverride([], { [SERVER_URL_ENV]: 'nonsense' })).toEqual({ error: expect.stringContaining(SERVER_URL_ENV) });
  });
});

describe('loadLanHosts', () => {
  it('joins the environment and settings.json lists, dropping what is not a host', async () => {
    const file = memoryFile({ lanHttpHosts: ['hub.gz.local', 'not a host', '0.0.0.0/0'] });
    expect(await loadLanHosts(file, { [LAN_HOSTS_ENV]: '192.168.1.0/24, hub.gz.local' })).toEqual(['192.168.1.0/24', 'hub.gz.local']);
    expect(await loadLanHosts(memoryFile(), {})).toEqual([]);
  });
});

describe('createServerSettings', () => {
  const confirmed: string[] = [];
  const yes = { lanHosts: [], confirm: async (url: string) => (confirmed.push(url), true) };
  const no = { lanHosts: [], confirm: async () => false };

  it('defaults to the local server', async () => {
    expect(await createServerSettings(memoryFile(), yes).getServerUrl()).toBe('http://127.0.0.1:8787');
    expect(await createServerSettings(memoryFile({ serverUrl: 'javascript:x' }), yes).getServerUrl()).toBe('http://127.0.0.1:8787');
  });

  it('uses and keeps the saved address once confirmed, preserving other settings', async () => {
    const file = memoryFile({ other: 1 });
    const settings = createServerSettings(file, yes);
    expect(await settings.setServerUrl('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(confirmed).toContain('https://sync.example.com');
    expect(await settings.getServerUrl()).toBe('https://sync.example.com');
    expect(file.value()).toEqual({ other: 1, serverUrl: 'https://sync.example.com' });
    expect(await createServerSettings(file, yes).getServerUrl()).toBe('https://sync.example.com');
  });

  it('changes nothing when the person at the workstation declines', async () => {
    const file = memoryFile({ serverUrl: 'https://saved.example.com' });
    const settings = createServerSettings(file, no);
    await expect(settings.setServerUrl('https://attacker.example.com')).rejects.toThrow(/not confirmed/);
    // The page tells "declined" from a broken address by the code in the message (it survives the IPC).
    expect(serverChangeRefusal(await settings.setServerUrl('https://attacker.example.com').catch((e: unknown) => e))).toBe('declined');
    expect(await settings.getServerUrl()).toBe('https://saved.example.com');
    expect(file.value()).toEqual({ serverUrl: 'https://saved.example.com' });
    // Saving the address already in use asks nothing.
    expect(await settings.setServerUrl('https://saved.example.com/')).toBe('https://saved.example.com');
  });

  it('lets an override win until the user chooses again', async () => {
    const file = memoryFile({ serverUrl: 'https://saved.example.com' });
    const settings = createServerSettings(file, { ...yes, override: 'http://127.0.0.1:9000' });
    expect(await settings.getServerUrl()).toBe('http://127.0.0.1:9000');
    await settings.setServerUrl('https://chosen.example.com');
    expect(await settings.getServerUrl()).toBe('https://chosen.example.com');
  });

  it('refuses a bad address or plain http off the LAN list, and keeps the old one', async () => {
    const file = memoryFile({ serverUrl: 'https://saved.example.com' });
    const settings = createServerSettings(file, yes);
    await expect(settings.setServerUrl('ftp://x')).rejects.toThrow(/invalid server address/);
    await expect(settings.setServerUrl(5)).rejects.toThrow(/invalid server address/);
    await expect(settings.setServerUrl('http://sync.example.com')).rejects.toThrow(/https/);
    expect(serverChangeRefusal(await settings.setServerUrl('http://sync.example.com').catch((e: unknown) => e))).toBe('plain_http');
    expect(await settings.getServerUrl()).toBe('https://saved.example.com');
    const lan = createServerSettings(memoryFile(), { ...yes, lanHosts: ['hub.gz.local'] });
    expect(await lan.setServerUrl('http://hub.gz.local:8787')).toBe('http://hub.gz.local:8787');
  });

  it('does not use a saved plain-http address the rule no longer allows', async () => {
    expect(await createServerSettings(memoryFile({ serverUrl: 'http://sync.example.com' }), yes).getServerUrl()).toBe('http://127.0.0.1:8787');
  });
});
