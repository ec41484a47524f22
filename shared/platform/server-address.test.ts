import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkServerAddress, isLoopbackHost, parseLanHost, parseLanHosts } from './server-url';

describe('checkServerAddress', () => {
  it('accepts https anywhere and plain http to this computer', () => {
    for (const url of ['https://sync.example.com', 'https://10.0.0.5:8443/hotline', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.9.9.9']) {
      expect(checkServerAddress(url, []), url).toMatchObject({ ok: true });
    }
  });

  it('refuses plain http elsewhere unless the host is on the LAN list', () => {
    const lan = parseLanHosts('hub.gz.local, 192.168.10.0/24, 10.1.2.3');
    for (const url of ['http://sync.example.com', 'http://192.168.11.5:8787', 'http://10.1.2.4', 'http://127.0.0.1.example.com', 'http://localhost.evil.com']) {
      expect(checkServerAddress(url, lan), url).toMatchObject({ ok: false, reason: expect.stringContaining('https') });
    }
    for (const url of ['http://hub.gz.local:8787', 'http://HUB.gz.local', 'http://192.168.10.77:8787', 'http://10.1.2.3']) {
      expect(checkServerAddress(url, lan), url).toMatchObject({ ok: true });
    }
  });

  it('keeps the plain address checks (credentials, other schemes)', () => {
    expect(checkServerAddress('http://user:pw@127.0.0.1', [])).toMatchObject({ ok: false });
    expect(checkServerAddress('ftp://127.0.0.1', [])).toMatchObject({ ok: false });
  });

  it('never lets plain http through to a host outside loopback and the list (any host)', () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        const r = checkServerAddress(`http://${host}`, ['hub.example']);
        if (r.ok) expect(isLoopbackHost(new URL(r.url).hostname) || new URL(r.url).hostname === 'hub.example').toBe(true);
      }),
    );
  });
});

describe('LAN list entries', () => {
  it('keeps host names, IPv4 addresses and blocks of /8 or narrower, drops the rest', () => {
    expect(parseLanHost(' Hub.GZ.local ')).toBe('hub.gz.local');
    expect(parseLanHost('192.168.0.0/16')).toBe('192.168.0.0/16');
    for (const bad of ['0.0.0.0/0', '10.0.0.0/4', '300.1.1.1', 'http://x', 'a b', '', 42, '*']) expect(parseLanHost(bad), String(bad)).toBeNull();
    expect(parseLanHosts(['a.local', 'bad host', '10.0.0.0/8'])).toEqual(['a.local', '10.0.0.0/8']);
    expect(parseLanHosts(undefined)).toEqual([]);
  });
});
