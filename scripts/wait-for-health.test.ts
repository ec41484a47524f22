import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHealth, waitForHealth } from './wait-for-health';

let server: Server | undefined;

async function listen(handler: (count: number) => { status: number; body: string }): Promise<string> {
  let count = 0;
  server = createServer((_req, res) => {
    count += 1;
    const answer = handler(count);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('waitForHealth', () => {
  it('waits until the server answers ok', async () => {
    const url = await listen((n) => (n < 3 ? { status: 503, body: '{"status":"starting"}' } : { status: 200, body: '{"status":"ok","storage":"pglite"}' }));
    await expect(waitForHealth(url, { timeoutMs: 5_000, intervalMs: 10 })).resolves.toBeUndefined();
  });

  it('gives up when told to', async () => {
    const url = await listen(() => ({ status: 503, body: '{}' }));
    let polls = 0;
    await expect(waitForHealth(url, { timeoutMs: 5_000, intervalMs: 10, giveUp: () => (++polls > 2 ? 'the server exited with code 1' : undefined) })).rejects.toThrow(
      'the server exited with code 1',
    );
  });

  it('times out with the last problem', async () => {
    await expect(waitForHealth('http://127.0.0.1:9', { timeoutMs: 50, intervalMs: 10 })).rejects.toThrow(/did not become healthy/);
  });
});

describe('probeHealth', () => {
  it('is false for anything but an ok answer', async () => {
    const url = await listen(() => ({ status: 200, body: 'not json' }));
    expect(await probeHealth(url)).toBe(false);
    expect(await probeHealth('http://127.0.0.1:9')).toBe(false);
  });
});
