import { replicateRxCollection, RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { StoredEvent } from '../../../shared/events/envelope';
import { MAX_PUSH_ROWS, pullPageSchema } from '../../../shared/protocol/events';
import type { EventsCollection } from '../db';
import type { EventDoc } from '../schema/events-schema';
import { fromStoredEvent, toStoredEvent } from '../projection/event-conversion';
import type { Api } from './api';
import { eventStream$, type DocumentsOrigin, type PullCheckpoint } from './event-stream';
import { splitBySize } from './push-batches';
import { pushAndSettle } from './push-settle';

export interface EventReplicationOptions {
  collection: EventsCollection;
  api: Api;
  serverUrl: string;
  /** How many times this replica was re-pointed (sync/replica-server.ts): checkpoints of an earlier time on the same server are not resumed. */
  epoch?: number;
  /** The signed-in user: only their own events are pushed with their token. */
  userId: string;
  onDocuments?(docs: StoredEvent[], from: DocumentsOrigin): void;
  onExchange?(): void;
  /** The server's clock as a pull answer gave it (`serverTime`), called as the answer arrives. */
  onServerTime?(serverMs: number): void;
  onStreamConnection?(open: boolean): void;
  onUnauthorized?(): void;
  retryTimeMs?: number;
  pullBatchSize?: number;
  /** Where the first pull starts when this replication has none saved: the end of a bootstrap. */
  initialCheckpoint?: PullCheckpoint | null;
}

export type EventReplicationState = RxReplicationState<EventDoc, PullCheckpoint>;

const runningStreams = new WeakMap<EventReplicationState, Set<Promise<void>>>();

/**
 * Resolves once every live stream this replication opened has ended and its
 * request is closed. Cancelling a replication only unsubscribes; await this
 * after cancel() before treating the connection as gone (closing, sign-out).
 */
export async function streamsClosed(state: EventReplicationState): Promise<void> {
  const running = runningStreams.get(state);
  while (running && running.size) await Promise.allSettled([...running]);
}

const MAX_PUSH_BYTES = 900 * 1024;

/**
 * Replicates the events collection with the server. The identifier includes
 * the user: pull scope differs per user, and events written by another user
 * on this workstation are left for that user's own session to push (the
 * server refuses an event whose actor is not the caller).
 */
export function startEventReplication(options: EventReplicationOptions): EventReplicationState {
  const { api, userId } = options;
  // The server's largest page: an initial sync of 55,000 events is 55 round trips, not 275.
  const pullBatch = options.pullBatchSize ?? 1000;
  const running = new Set<Promise<void>>();

  const state = replicateRxCollection<EventDoc, PullCheckpoint>({
    // Without an epoch the identifier is the one replicas kept before re-pointing existed, so they resume where they were.
    replicationIdentifier: `events|${options.serverUrl}|${userId}${options.epoch ? `|${options.epoch}` : ''}`,
    collection: options.collection,
    live: true,
    retryTime: options.retryTimeMs ?? 5000,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: pullBatch,
      async handler(saved, batchSize) {
        const checkpoint = saved ?? options.initialCheckpoint ?? undefined;
        const params = new URLSearchParams({ limit: String(Math.min(1000, batchSize)) });
        if (checkpoint?.seq !== undefined) params.set('seq', String(checkpoint.seq));
        const answer = pullPageSchema.parse(await api.json<unknown>('GET', `/api/sync/events/pull?${params.toString()}`));
        const serverMs = answer.serverTime !== undefined ? Date.parse(answer.serverTime) : NaN;
        if (Number.isFinite(serverMs)) options.onServerTime?.(serverMs);
        options.onDocuments?.(answer.documents, { source: 'pull', checkpoint: answer.checkpoint, from: checkpoint ?? null });
        options.onExchange?.();
        return {
          documents: answer.documents.map(fromStoredEvent),
          checkpoint: answer.checkpoint,
        };
      },
      stream$: eventStream$({
        api,
        onDocuments: options.onDocuments,
        onConnection: options.onStreamConnection,
        onUnauthorized: options.onUnauthorized,
        running,
      }),
    },
    push: {
      batchSize: 100,
      modifier(doc: WithDeleted<EventDoc>) {
        // Another user's event, or one that came from the server (a bootstrap writes them directly), or
        // one removed when the replica was re-pointed at another server (the old server's copy).
        if (doc.actorId !== userId || doc.seq !== undefined || doc._deleted) return null;
        return toStoredEvent(doc);
      },
      async handler(rows: RxReplicationWriteToMasterRow<EventDoc>[]) {
        const conflicts: WithDeleted<EventDoc>[] = [];
        for (const batch of splitBySize(rows, MAX_PUSH_BYTES, MAX_PUSH_ROWS)) {
          for (const master of await pushAndSettle(api, batch, () => state.isStoppedOrPaused())) conflicts.push(fromStoredEvent(master));
        }
        options.onExchange?.();
        return conflicts;
      },
    },
  });
  runningStreams.set(state, running);
  return state;
}
