import { Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { StoredEvent } from '../../../shared/events/envelope';
import { parseStreamMessage, RESYNC, type Checkpoint } from '../../../shared/protocol/events';
import type { EventDoc } from '../schema/events-schema';
import { fromStoredEvent } from '../projection/event-conversion';
import type { Api } from './api';
import { readSse } from './sse';

export type PullCheckpoint = Checkpoint;

/** Where a batch of server events came from, and the checkpoint it moves to. */
export interface DocumentsOrigin {
  source: 'pull' | 'stream';
  checkpoint: PullCheckpoint | null;
  /** For a pull: the checkpoint it asked from. */
  from?: PullCheckpoint | null;
}

export interface EventStreamOptions {
  api: Api;
  /** Called with each batch of server events (to advance the HLC; diagnostics see where it came from). */
  onDocuments?(docs: StoredEvent[], from: DocumentsOrigin): void;
  /** A connection was opened (true) or lost (false). */
  onConnection?(open: boolean): void;
  /** Stop reconnecting: the token was refused. */
  onUnauthorized?(): void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a request still connecting may finish before it is aborted at close (ms). */
  closeGraceMs?: number;
  /** Each subscription's reading loop is added here until it has ended and its request is closed. */
  running?: Set<Promise<void>>;
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

  const grace = options.closeGraceMs ?? 2000;

  return new Observable((subscriber) => {
    // `ctrl` stops the loop and cancels an open body; `request` aborts a request still waiting
    // for its answer. Node's fetch, aborted while it is still connecting, can leave a connection
    // that never sends its request, and a server shutting down waits for it: so a request in
    // flight at close gets a moment to answer (the server answers a stream at once) and its
    // body is cancelled then; only past the grace is it aborted.
    const ctrl = new AbortController();
    const request = new AbortController();
    let waiting = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let backoff = initial;
    // RxDB's downstream (rxdb 17.6, replication-protocol/downstream.js) takes a RESYNC off its
    // queue and drops it when stream batches are queued before it in the same pass: the batches
    // are stored, their checkpoint moves past everything committed while the stream was down,
    // and that pull never happens. Those events would be skipped for good. A second RESYNC
    // right behind the first survives that pass and makes the pull.
    const resync = () => {
      subscriber.next('RESYNC');
      subscriber.next('RESYNC');
    };

    const run = async () => {
      while (!ctrl.signal.aborted) {
        try {
          waiting = true;
          let res: Response;
          try {
            res = await options.api.raw(STREAM_PATH, {
              method: 'GET',
              headers: { Accept: 'text/event-stream' },
              signal: request.signal,
            });
          } finally {
            waiting = false;
          }
          if (ctrl.signal.aborted) {
            await res.body?.cancel().catch(() => undefined);
            return;
          }
          if (res.status === 401) {
            await res.body?.cancel().catch(() => undefined);
            options.onUnauthorized?.();
            return;
          }
          if (!res.ok || !res.body) {
            await res.body?.cancel().catch(() => undefined);
            throw new Error(`stream answered ${res.status}`);
          }
          options.onConnection?.(true);
          backoff = initial;
          resync();
          for await (const msg of readSse(res, ctrl.signal)) {
            const data = parseStreamMessage(msg.data);
            if (data === RESYNC) {
              resync();
            } else if (data) {
              options.onDocuments?.(data.documents, { source: 'stream', checkpoint: data.checkpoint });
              subscriber.next({ documents: data.documents.map(fromStoredEvent), checkpoint: data.checkpoint });
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
    const done = run().finally(() => {
      clearTimeout(graceTimer);
      request.abort();
      options.running?.delete(done);
    });
    options.running?.add(done);
    return () => {
      ctrl.abort();
      if (!waiting) request.abort();
      else graceTimer = setTimeout(() => request.abort(), grace);
    };
  });
}
