import { describe, expect, it } from 'vitest';
import { readSse } from './sse';

describe('readSse', () => {
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
