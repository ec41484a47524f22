import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app';
import { ConfigError } from './config';
import { ApiClient, startTestServer, type TestServer } from './test-support/harness';

describe('server shell: health, CORS, errors, serving the web client', () => {
  let t: TestServer;
  let api: ApiClient;
  const clientDir = mkdtempSync(path.join(tmpdir(), 'hotline-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Hotline Desk</title>');
  writeFileSync(path.join(clientDir, 'app.js'), 'console.log(1)');

  beforeAll(async () => {
    t = await startTestServer('pglite', { clientDir, corsOrigins: ['app://hotline-desk'] });
    api = new ApiClient(t.server);
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('GET /health', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', storage: 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('allows the Electron origin and no other', async () => {
    const ok = await api.request('OPTIONS', '/api/sync/events/pull', {
      headers: { origin: 'app://hotline-desk', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('app://hotline-desk');
    expect(String(ok.headers['access-control-allow-headers'])).toMatch(/authorization/i);
    const other = await api.request('OPTIONS', '/api/sync/events/pull', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the web client with a fallback to index.html, and JSON 404s under /api', async () => {
    const index = await api.request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Hotline Desk');
    const deep = await api.request('GET', '/queue/some-complaint');
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('Hotline Desk');
    const asset = await api.request('GET', '/app.js');
    expect(asset.body).toBe('console.log(1)');
    const missing = await api.request('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    const post = await api.request('POST', '/nothing', { body: {} });
    expect(post.status).toBe(404);
  });

  it('refuses a CLIENT_DIR that does not exist', async () => {
    await expect(createServer({ clientDir: path.join(clientDir, 'missing'), logLevel: 'silent' })).rejects.toThrow(ConfigError);
  });
});
