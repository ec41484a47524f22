import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openDatabase, type HotlineDatabase } from '../../renderer/data/db';
import { localMeta } from '../../renderer/data/local-meta';
import { loadHlcState, type HlcState } from '../../renderer/data/hlc-state';
import { createProjector, type Projector } from '../../renderer/data/projection/projector';
import { createApi } from '../../renderer/data/sync/api';
import { startEventReplication, type EventReplicationState } from '../../renderer/data/sync/replication';
import { defaultPolicy } from '../../shared/policy/policy';
import { defaultCalendar } from '../../shared/calendar/calendar';
import type { EventEnvelope } from '../../shared/events/envelope';
import type { Session } from '../../bench/lib/api-client';
import { createChaosNetwork, type ChaosNetwork } from './chaos-network';
import { createSyncTrace, type SyncTrace } from './sync-trace';

/**
 * One workstation of the chaos run: the renderer's real database code, its
 * projector and its RxDB replication against the server, over an in-memory
 * RxDB storage and a chaos network, with a wall clock off by `skewMs`.
 */
export interface ChaosClient {
  index: number;
  session: Session;
  db: HotlineDatabase;
  network: ChaosNetwork;
  hlc: HlcState;
  projector: Projector;
  replication: EventReplicationState;
  /** What reached this client and what its replication did with it, to explain a failed check. */
  trace: SyncTrace;
  now(): number;
  /** Writes an event as a command does: stamped, stored locally as pending, pushed by replication. */
  write(event: Omit<EventEnvelope, 'hlc' | 'occurredAt'>): Promise<EventEnvelope>;
  close(): Promise<void>;
}

export interface ChaosClientOptions {
  index: number;
  runId: string;
  serverUrl: string;
  session: Session;
  skewMs: number;
  nodeId: string;
  onPushSent(): void;
  onError(message: string): void;
}

function isoWithOffset(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

export async function startChaosClient(o: ChaosClientOptions): Promise<ChaosClient> {
  const now = () => Date.now() + o.skewMs;
  const db = await openDatabase({ name: `chaos-${o.runId}-${o.index}`, storage: getRxStorageMemory() });
  const meta = localMeta(db.local);
  const hlc = await loadHlcState(meta, o.nodeId);
  const calendar = defaultCalendar();
  const projector = createProjector(db, meta, () => ({ policy: defaultPolicy, calendar }));
  await projector.start();
  const network = createChaosNetwork({ onPushSent: o.onPushSent });
  const trace = createSyncTrace();
  const api = createApi({ baseUrl: async () => o.serverUrl, token: () => o.session.token, fetch: network.fetch, timeoutMs: 10_000 });
  const replication = startEventReplication({
    collection: db.events,
    api,
    serverUrl: o.serverUrl,
    userId: o.session.user.id,
    retryTimeMs: 300,
    onDocuments: (docs, from) => {
      const t = now();
      for (const d of docs) hlc.observe(d.hlc, t, defaultPolicy.sync.hlcMaxSkewMs);
      trace.delivered(docs, from);
    },
    onStreamConnection: (open) => trace.connection(open),
  });
  replication.received$.subscribe((doc) => trace.stored(doc.id, doc.status));
  replication.error$.subscribe((err) => {
    trace.error(err);
    // Offline and a killed server are expected; anything else is worth reporting.
    const message = err.message ?? String(err);
    if (!/offline|fetch failed|ECONNREFUSED|Network|socket|terminated|aborted/i.test(message + JSON.stringify(err.parameters ?? {}))) {
      o.onError(`client ${o.index}: ${message.split('\n')[0]}`);
    }
  });

  return {
    index: o.index,
    session: o.session,
    db,
    network,
    hlc,
    projector,
    replication,
    trace,
    now,
    async write(partial) {
      const t = now();
      const event: EventEnvelope = { ...partial, hlc: await hlc.stamp(t), occurredAt: isoWithOffset(t) };
      const { _deleted: _omit, ...doc } = event;
      await db.events.insert({ ...doc, status: 'pending' } as never);
      return event;
    },
    async close() {
      projector.stop();
      await replication.cancel();
      await db.remove();
    },
  };
}
