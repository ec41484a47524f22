import { describe, expect, it } from 'vitest';
import type { JsonFile } from './json-file';
import { SERVER_URL_ENV, createServerSettings, serverUrlOverride } from './settings';

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

  it('reports an unusable override', () => {
    expect(serverUrlOverride(['--server-url=file:///x'], {})).toEqual({ error: expect.stringContaining('--server-url=') });
    expect(serverUrlOverride([], { [SERVER_URL_ENV]: 'nonsense' })).toEqual({ error: expect.stringContaining(SERVER_URL_ENV) });
  });
});

describe('createServerSettings', () => {
  it('defaults to the local server', async () => {
    expect(await createServerSettings(memoryFile()).getServerUrl()).toBe('http://127.0.0.1:8787');
    expect(await createServerSettings(memoryFile({ serverUrl: 'javascript:x' })).getServerUrl()).toBe('http://127.0.0.1:8787');
  });

  it('uses and keeps the saved address, preserving other settings', async () => {
    const file = memoryFile({ other: 1 });
    const settings = createServerSettings(file);
    expect(await settings.setServerUrl('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(await settings.getServerUrl()).toBe('https://sync.example.com');
    expect(file.value()).toEqual({ other: 1, serverUrl: 'https://sync.example.com' });
    expect(await createServerSettings(file).getServerUrl()).toBe('https://sync.example.com');
  });

  it('lets an override win until the user chooses again', async () => {
    const file = memoryFile({ serverUrl: 'https://saved.example.com' });
    const settings = createServerSettings(file, 'http://127.0.0.1:9000');
    expect(await settings.getServerUrl()).toBe('http://127.0.0.1:9000');
    await settings.setServerUrl('https://chosen.example.com');
    expect(await settings.getServerUrl()).toBe('https://chosen.example.com');
  });

  it('refuses a bad address and keeps the old one', async () => {
    const file = memoryFile({ serverUrl: 'https://saved.example.com' });
    const settings = createServerSettings(file);
    await expect(settings.setServerUrl('ftp://x')).rejects.toThrow(/invalid server address/);
    await expect(settings.setServerUrl(5)).rejects.toThrow(/invalid server address/);
    expect(await settings.getServerUrl()).toBe('https://saved.example.com');
  });
});
