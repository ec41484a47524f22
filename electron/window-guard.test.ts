import { describe, expect, it } from 'vitest';
import { guardWebContents } from './window-guard';

function harness() {
  let openHandler: ((url: string) => { action: 'deny' }) | undefined;
  let navigate: ((url: string, prevent: () => void) => void) | undefined;
  let redirect: ((url: string, prevent: () => void) => void) | undefined;
  let attach: ((prevent: () => void) => void) | undefined;
  const external: string[] = [];
  guardWebContents(
    {
      setWindowOpenHandler: (h) => (openHandler = h),
      onWillNavigate: (l) => (navigate = l),
      onWillRedirect: (l) => (redirect = l),
      onWillAttachWebview: (l) => (attach = l),
    },
    (url) => external.push(url),
  );
  const run = (listener: ((url: string, prevent: () => void) => void) | undefined, url: string) => {
    let prevented = false;
    listener?.(url, () => (prevented = true));
    return prevented;
  };
  return {
    external,
    open: (url: string) => openHandler?.(url),
    navigate: (url: string) => run(navigate, url),
    redirect: (url: string) => run(redirect, url),
    attach: () => {
      let prevented = false;
      attach?.(() => (prevented = true));
      return prevented;
    },
  };
}

describe('guardWebContents', () => {
  it('denies every new window and hands web links to the system browser', () => {
    const h = harness();
    expect(h.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(h.open('app://hotline-desk/popup')).toEqual({ action: 'deny' });
    expect(h.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(h.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(h.external).toEqual(['https://example.com/help']);
  });

  it('lets navigation stay inside the app and stops everything else', () => {
    const h = harness();
    expect(h.navigate('app://hotline-desk/queue')).toBe(false);
    expect(h.navigate('https://example.com/')).toBe(true);
    expect(h.navigate('http://127.0.0.1:8787/')).toBe(true);
    expect(h.navigate('file:///C:/Windows/')).toBe(true);
    expect(h.external).toEqual(['https://example.com/', 'http://127.0.0.1:8787/']);
  });

  it('stops redirects out of the app without opening them', () => {
    const h = harness();
    expect(h.redirect('app://hotline-desk/')).toBe(false);
    expect(h.redirect('https://evil.example/')).toBe(true);
    expect(h.external).toEqual([]);
  });

  it('never attaches a webview', () => {
    expect(harness().attach()).toBe(true);
  });
});
