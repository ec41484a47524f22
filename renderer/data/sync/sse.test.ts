import { describe, expect, it } from 'vitest';
import { SseParser, readSse } from './sse';

describe('SseParser', () => {
  it('joins data lines, skips heartbeats and survives chunks split anywhere', () => {
    const text = ': heartbeat\n\ndata: {"a":1,\r\ndata: "b":2}\r\n\r\nevent: ping\ndata:"RESYNC"\n\n';
    for (let cut = 0; cut < text.length; cut += 1) {
      const p = new SseParser();
      const got = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(got).toEqual([
        { event: 'message', data: '{"a":1,\n"b":2}' },
        { event: 'ping', data: '"RESYNC"' },
      ]);
    }
  });

  it('reads messages from a streamed response body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        const enc = new TextEncoder();
        c.enqueue(enc.encode('data: 一'));
        c.enqueue(enc.encode('二\n\ndata: 3\n\n'));
        c.close();
      },
    });
    const out: string[] = [];
    for await (const m of readSse(new Response(body))) out.push(m.data);
    expect(out).toEqual(['一二', '3']);
  });
});
