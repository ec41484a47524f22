import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, normalizeServerUrl } from './server-url';

describe('normalizeServerUrl', () => {
  it('accepts the default and returns its origin', () => {
    expect(normalizeServerUrl(DEFAULT_SERVER_URL)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8787',
      origin: 'http://127.0.0.1:8787',
    });
  });

  it('drops trailing slashes and keeps a path prefix', () => {
    expect(normalizeServerUrl(' https://sync.example.com/hotline/ ')).toEqual({
      ok: true,
      url: 'https://sync.example.com/hotline',
      origin: 'https://sync.example.com',
    });
    expect(normalizeServerUrl('https://sync.example.com/')).toMatchObject({ url: 'https://sync.example.com' });
  });

  it('lowercases the host and drops a default port', () => {
    expect(normalizeServerUrl('HTTPS://Sync.Example.COM:443')).toMatchObject({ ok: true, url: 'https://sync.example.com' });
  });

  it.each([
    ['ftp://example.com', 'only http and https'],
    ['file:///etc/passwd', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['http://user:pw@example.com', 'credentials'],
    ['http://example.com/?x=1', 'query'],
    ['http://example.com/#x', 'query'],
    ['example.com', 'not a URL'],
    ['', 'empty'],
  ])('refuses %s', (raw, reason) => {
    const result = normalizeServerUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('refuses non-strings and huge input', () => {
    expect(normalizeServerUrl(42).ok).toBe(false);
    expect(normalizeServerUrl(`http://example.com/${'a'.repeat(3000)}`).ok).toBe(false);
  });
});
