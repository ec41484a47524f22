import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from './external-url';

describe('checkExternalUrl', () => {
  it.each(['https://example.com/help', 'http://example.com:8080/a?b=c#d'])('lets %s through', (url) => {
    expect(checkExternalUrl(url)).toEqual({ ok: true, url: new URL(url).href });
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'app://hotline-desk/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.com',
    '//example.com/path',
    'https://user:pass@example.com/',
    'https://example.com/\nfile:///x',
    ' https://example.com',
    '',
  ])('refuses %j', (url) => {
    expect(checkExternalUrl(url).ok).toBe(false);
  });

  it('refuses non-strings and overlong links', () => {
    expect(checkExternalUrl(undefined).ok).toBe(false);
    expect(checkExternalUrl({ href: 'https://example.com' }).ok).toBe(false);
    expect(checkExternalUrl(`https://example.com/${'x'.repeat(3000)}`).ok).toBe(false);
  });
});
