// Test support: a loopback TCP proxy standing for a WAN or LAN link that a test can cut and restore.
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** http://127.0.0.1:<port>, forwarding to the target. */
  url: string;
  port: number;
  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  isCut(): boolean;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  /**
   * Cut with a TCP reset (RST) instead of a clean close, on both sides, and
   * reset new connections while cut: a request in flight then fails as on a
   * link that broke, rather than ending like a short answer.
   */
  reset?: boolean;
}

export async function startTcpProxy(targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  let up = true;
  const open = new Set<Socket>();
  const end = (s: Socket) => {
    if (options.reset && !s.destroyed) s.resetAndDestroy();
    else s.destroy();
  };
  const server: Server = createServer((client) => {
    if (!up) {
      end(client);
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut() {
      up = false;
      for (const s of open) end(s);
      open.clear();
    },
    restore() {
      up = true;
    },
    isCut: () => !up,
    close() {
      up = false;
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
