import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

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
      expect(p.comments).toBe(1);
    }
  });
});
