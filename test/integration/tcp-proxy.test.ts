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
});
