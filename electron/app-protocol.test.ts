import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppRequest } from './app-protocol';

const root = '/opt/hotline-desk/dist/renderer';

describe('resolveAppRequest', () => {
  it('serves files under the root with their type', () => {
    expect(resolveAppRequest('app://hotline-desk/assets/index-abc.js', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
      isEntry: false,
    });
  });

  it('falls back to index.html for the root and client-side routes', () => {
    for (const url of ['app://hotline-desk/', 'app://hotline-desk', 'app://hotline-desk/queue', 'app://hotline-desk/complaints/0190f0e2?tab=timeline']) {
      expect(resolveAppRequest(url, root)).toEqual({
        kind: 'file',
        filePath: path.join(root, 'index.html'),
        mimeType: 'text/html; charset=utf-8',
        isEntry: true,
      });
    }
  });

  it('decodes percent-escapes in file names', () => {
    expect(resolveAppRequest('app://hotline-desk/assets/%E5%AD%97.woff2', root)).toMatchObject({
      kind: 'file',
      filePath: path.join(root, 'assets', '字.woff2'),
    });
  });

  it.each([
    'app://hotline-desk/..%2f..%2fetc%2fpasswd.txt',
    'app://hotline-desk/..%5c..%5cwindows%5cwin.ini',
    'app://hotline-desk/assets/%00.js',
    'app://hotline-desk/C:%5Cwindows%5Cwin.ini',
    'app://hotline-desk/c:/windows/win.ini',
    'app://hotline-desk/%E0%A4%A.js',
  ])('forbids %s', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'forbidden' });
  });

  it.each([
    ['app://hotline-desk/../../etc/passwd.txt', 'etc/passwd.txt'],
    ['app://hotline-desk/%2e%2e/%2e%2e/etc/passwd.txt', 'etc/passwd.txt'],
    ['app://hotline-desk/assets/%2E%2E/%2E%2E/secret.json', 'secret.json'],
  ])('resolves dot segments the way URLs do, never above the root: %s', (url, inside) => {
    // The URL parser removes (even escaped) dot segments before we see the path.
    expect(resolveAppRequest(url, root)).toMatchObject({ kind: 'file', filePath: path.join(root, ...inside.split('/')) });
  });

  it.each(['app://other/index.html', 'https://hotline-desk/index.html', 'app://hotline-desk:1/index.html', 'nonsense'])(
    'does not serve %s',
    (url) => {
      expect(resolveAppRequest(url, root)).toEqual({ kind: 'not-found' });
    },
  );
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  const csp = "default-src 'none'";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Hotline Desk</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'outside.json'), '{"secret":true}');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const handler = () =>
    createAppProtocolHandler({
      rootDir: path.join(dir, 'renderer'),
      readFile: (file) => readFile(file),
      contentSecurityPolicy: () => csp,
    });

  it('serves the entry page with the CSP and no caching', async () => {
    const response = await handler()(new Request('app://hotline-desk/queue'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Hotline Desk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves assets with their type', async () => {
    const response = await handler()(new Request('app://hotline-desk/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('14');
  });

  it('answers 404 for a missing asset, 403 for traversal, 405 for writes', async () => {
    expect((await handler()(new Request('app://hotline-desk/assets/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://hotline-desk/assets'))).status).toBe(200);
    const escaped = await handler()(new Request('app://hotline-desk/%2e%2e/outside.json'));
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('secret');
    expect((await handler()(new Request('app://hotline-desk/..%2foutside.json'))).status).toBe(403);
    const post = await handler()(new Request('app://hotline-desk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://hotline-desk/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('hides unexpected read errors behind a plain 500', async () => {
    const failing = createAppProtocolHandler({
      rootDir: dir,
      readFile: async () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${dir}/index.html'`), { code: 'EACCES' });
      },
      contentSecurityPolicy: () => csp,
    });
    const response = await failing(new Request('app://hotline-desk/'));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal Error');
  });
});
