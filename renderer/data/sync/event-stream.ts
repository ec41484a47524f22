import { Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { StoredEvent } from '../../../shared/events/envelope';
import type { EventDoc } from '../schema/events-schema';
import { fromStoredEvent } from '../projection/event-conversion';
import type { Api } from './api';
import { readSse } from './sse';

export type PullCheckpoint = { seq: number };

export interface EventStreamOptions {
  api: Api;
  /** Called with each batch of server events (to advance the HLC). */
  onDocuments?(docs: StoredEvent[]): void;
  /** A connection was opened (true) or lost (false). */
  onConnection?(open: boolean): void;
  /** Stop reconnecting: the token was refused. */
  onUnauthorized?(): void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

const STREAM_PATH = '/api/sync/events/stream';

function sleep(ms: number, signal: AbortSignal, wake?: EventTarget): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wake?.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    // Coming back online should not wait out the backoff.
    wake?.addEventListener('online', done);
  });
}

/**
 * RxDB's pull stream: the server's live events read from a fetch stream,
 * reconnecting with backoff. Every (re)connect emits 'RESYNC' so RxDB pulls
 * what was missed while disconnected; so does a 'RESYNC' message.
 */
export function eventStream$(options: EventStreamOptions): Observable<RxReplicationPullStreamItem<EventDoc, PullCheckpoint>> {
  const initial = options.initialBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 30_000;
  const wake = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : undefined;

  return new Observable((subscriber) => {
    const ctrl = new AbortController();
    let backoff = initial;

    const run = async () => {
      while (!ctrl.signal.aborted) {
        try {
          const res = await options.api.raw(STREAM_PATH, {
            method: 'GET',
            headers: { Accept: 'text/event-stream' },
            signal: ctrl.signal,
          });
          if (res.status === 401) {
            options.onUnauthorized?.();
            return;
          }
          if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
          options.onConnection?.(true);
          backoff = initial;
          subscriber.next('RESYNC');
          for await (const msg of readSse(res, ctrl.signal)) {
            let data: unknown;
            try {
              data = JSON.parse(msg.data);
            } catch {
              continue;
            }
            if (data === 'RESYNC') {
              subscriber.next('RESYNC');
            } else if (data && typeof data === 'object' && Array.isArray((data as { documents?: unknown }).documents)) {
              const batch = data as { documents: StoredEvent[]; checkpoint: PullCheckpoint };
              options.onDocuments?.(batch.documents);
              subscriber.next({ documents: batch.documents.map(fromStoredEvent), checkpoint: batch.checkpoint });
            }
          }
        } catch {
          // Unreachable or dropped: fall through to the backoff.
        }
        if (ctrl.signal.aborted) return;
        options.onConnection?.(false);
        // Jitter keeps a room full of workstations from reconnecting in lockstep.
        await sleep(backoff * (0.75 + Math.random() * 0.5), ctrl.signal, wake);
        backoff = Math.min(max, backoff * 2);
      }
    };
    void run();
    return () => ctrl.abort();
  });
}
