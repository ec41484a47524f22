import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { StreamHub } from './stream-hub';

/** A response whose socket buffer we control, to see what a slow client gets. */
class FakeResponse extends EventEmitter {
  writableLength = 0;
  writableEnded = false;
  destroyed = false;
  written: string[] = [];
  writeHead() {
    return this;
  }
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
}

function fakeDb(rowsAfter: (seq: number) => unknown[]): Db {
  return {
    storage: 'pglite',
    lockNamespace: 0,
    async query(text: string, params: readonly unknown[] = []) {
      if (text.includes('max(fseq)')) return [{ m: 0 }] as never;
      return rowsAfter(Number(params[0])) as never;
    },
    async exec() {},
    transaction: async (fn) => fn(null as never),
    pinned: async (fn) => fn(null as never),
    withExclusiveLock: async (_k, fn) => fn(),
    listen: async () => async () => undefined,
    notify: async () => undefined,
    close: async () => undefined,
  };
}

const row = (fseq: number) => ({
  fseq,
  branch_id: 'gz',
  pushed_by: 'u',
  accepted: true,
  origin: true,
  seq: fseq,
  doc: `{"id":"e${fseq}"}`,
  status: 'accepted',
  received_at: '2026-11-23T00:00:00.000Z',
  reason_code: null,
  reason_message: null,
});

describe('StreamHub', () => {
  const user = { id: 'u', username: 'u', displayName: 'U', role: 'agent' as const, branchId: 'gz', teamId: null, jobNumber: null };

  it('sends RESYNC instead of documents to a subscriber that cannot keep up', async () => {
    let rows = [row(1)];
    const hub = new StreamHub(
      fakeDb((after) => rows.filter((r) => r.fseq > after)),
      { heartbeatMs: 60_000 },
    );
    await hub.start();
    const res = new FakeResponse();
    hub.subscribe(user, res as unknown as ServerResponse, {});
    hub.poke();
    await hub.settled();
    expect(res.written.at(-1)).toBe('data: {"documents":[{"id":"e1","seq":1,"receivedAt":"2026-11-23T00:00:00.000Z","status":"accepted"}],"checkpoint":{"seq":1}}\n\n');

    res.writableLength = 10 * 1024 * 1024;
    rows = [row(1), row(2)];
    hub.poke();
    await hub.settled();
    expect(res.written.some((w) => w.includes('e2'))).toBe(false);
    res.writableLength = 0;
    res.emit('drain');
    expect(res.written.at(-1)).toBe('data: "RESYNC"\n\n');
    await hub.close();
    expect(res.writableEnded).toBe(true);
  });

  it('coalesces pokes and reads past a full batch', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => row(i + 1));
    let reads = 0;
    const hub = new StreamHub(
      fakeDb((after) => {
        reads++;
        return all.filter((r) => r.fseq > after).slice(0, 1000);
      }),
      { heartbeatMs: 60_000 },
    );
    await hub.start();
    const res = new FakeResponse();
    hub.subscribe(user, res as unknown as ServerResponse, {});
    for (let i = 0; i < 10; i++) hub.poke();
    await hub.settled();
    const docs = res.written.filter((w) => w.startsWith('data: {')).flatMap((w) => JSON.parse(w.slice(6)).documents);
    expect(docs).toHaveLength(2500);
    expect(reads).toBeLessThan(10);
    await hub.close();
  });
});
