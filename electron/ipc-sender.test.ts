import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender';

describe('isTrustedSender', () => {
  it('trusts the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://hotline-desk/queue', parent: null })).toBe(true);
  });

  it('refuses subframes, foreign pages and destroyed frames', () => {
    const top = { url: 'app://hotline-desk/', parent: null };
    expect(isTrustedSender({ url: 'app://hotline-desk/embedded', parent: top })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:8787/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
