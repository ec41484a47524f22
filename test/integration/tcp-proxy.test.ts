import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

describe('the test WAN (a TCP proxy)', () => {
  const target = createServer((_req, res) => res.end('pong'));
  let proxy: TcpProxy;
  beforeAll(async () => {
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    proxy = await startTcpProxy((target.address() as AddressInfo).port);
  });
  afterAll(async () => {
    await proxy.close();
    target.close();
  });

  it('forwards, refuses while cut, and forwards again once restored', async () => {
    expect(await (await fetch(proxy.url)).text()).toBe('pong');
    proxy.cut();
    await expect(fetch(proxy.url)).rejects.toThrow();
    proxy.restore();
    expect(await (await fetch(proxy.url)).text()).toBe('pong');
  });

  it('in reset mode, fails a request in flight with a connection reset when cut', async () => {
    const slow = createServer((_req, res) => setTimeout(() => res.end('late'), 2000));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const resetting = await startTcpProxy((slow.address() as AddressInfo).port, { reset: true });
    try {
      const inFlight = fetch(resetting.url).then((r) => r.text());
      await new Promise((r) => setTimeout(r, 200));
      resetting.cut();
      const err = await inFlight.then(() => null, (e: unknown) => e as Error & { cause?: { code?: string } });
      expect(err?.cause?.code).toBe('ECONNRESET');
      expect(resetting.isCut()).toBe(true);
    } finally {
      await resetting.close();
      slow.closeAllConnections();
      slow.close();
    }
  });
});
