import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events/envelope';
import { openDatabase } from '../db';
import { memoryStorage, uniqueName } from '../test-support';
import type { Api } from './api';
import { startEventReplication } from './replication';

/** A server feed of three events of other authors, sequences 1, 2, 3. */
function feedEvent(seq: number): StoredEvent {
  return {
    id: `ev-${seq}`,
    complaintId: 'c-1',
    type: 'note.added',
    actorId: 'someone-else',
    branchId: 'gz',
    hlc: `2026-12-04T10:00:0${seq}.000Z-0000-0000000000000001`,
    occurredAt: `2026-12-04T18:00:0${seq}.000+08:00`,
    payload: { text: `note ${seq}` },
    v: 1,
    _deleted: false,
    seq,
    receivedAt: `2026-12-04T10:00:0${seq}.000Z`,
    status: 'accepted',
  } as StoredEvent;
}

/**
 * An API whose pull asked for by the first stream connection hangs until
 * released, and whose stream is driven by the test: the first connection delivers event 1 and drops; event 2 is
 * committed while it is down; the second connection delivers event 3.
 */
function scriptedServer() {
  const feed = [feedEvent(1), feedEvent(2), feedEvent(3)];
  let releaseFirstPull: () => void = () => {};
  const firstPullReleased = new Promise<void>((r) => (releaseFirstPull = r));
  let hung = false;
  let connections = 0;
  const encoder = new TextEncoder();
  const message = (e: StoredEvent) => encoder.encode(`data: ${JSON.stringify({ documents: [e], checkpoint: { seq: e.seq } })}\n\n`);
  const api: Api = {
    baseUrl: async () => 'http://scripted',
    async json<T>(_method: 'GET' | 'POST', path: string): Promise<T> {
      if (!path.startsWith('/api/sync/events/pull')) return [] as T;
      // The pull the first connection asks for hangs; everything before and after answers at once.
      if (connections === 1 && !hung) {
        hung = true;
        await firstPullReleased;
        return { documents: [], checkpoint: { seq: 0 } } as T;
      }
      const after = Number(new URL(path, 'http://x').searchParams.get('seq') ?? '0');
      const documents = feed.filter((e) => (e.seq ?? 0) > after);
      return { documents, checkpoint: { seq: documents.at(-1)?.seq ?? after } } as T;
    },
    async raw() {
      connections++;
      const which = connections;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (which === 1) {
            // Arrives while that pull hangs, then the link drops.
            setTimeout(() => {
              controller.enqueue(message(feed[0] as StoredEvent));
              controller.close();
            }, 200);
          } else if (which === 2) {
            controller.enqueue(message(feed[2] as StoredEvent));
            // Held open: the live stream stays connected.
          }
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    },
  };
  return { api, releaseFirstPull, connections: () => connections };
}

describe('a stream that reconnects while the first pull is still running', () => {
  it('still pulls what was committed while it was down', async () => {
    const db = await openDatabase({ name: uniqueName('gap'), storage: memoryStorage() });
    const server = scriptedServer();
    const state = startEventReplication({ collection: db.events, api: server.api, serverUrl: 'http://scripted', userId: 'me', retryTimeMs: 50 });
    try {
      const until = Date.now() + 10_000;
      while (server.connections() < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(server.connections()).toBe(2);
      // Both connections' messages are queued behind the hanging pull; now it answers.
      await new Promise((r) => setTimeout(r, 100));
      server.releaseFirstPull();
      let ids: string[] = [];
      while (Date.now() < until) {
        ids = (await db.events.find().exec()).map((d) => d.id).sort();
        if (ids.length === 3) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(ids).toEqual(['ev-1', 'ev-2', 'ev-3']);
    } finally {
      await state.cancel();
      await db.close();
    }
  }, 20_000);
});
