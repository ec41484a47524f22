import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../shared/platform/app-origin';
import { isAllowedNavigation, isAppUrl } from './trusted-url';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://hotline-desk/index.html', 'app://hotline-desk/queue?x=1#y'])('trusts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://hotline-desk.evil.com/',
    'app://evil/',
    'app://hotline-desk:8080/',
    'app://user@hotline-desk/',
    'http://hotline-desk/',
    'https://127.0.0.1:8787/',
    'file:///index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'not a url',
    '',
  ])('does not trust %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('does not trust non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_ENTRY_URL })).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows in-app navigation only', () => {
    expect(isAllowedNavigation('app://hotline-desk/complaints/1')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:8787/')).toBe(false);
  });
});
