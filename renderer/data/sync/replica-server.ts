import type { EventsCollection } from '../db';
import type { LocalMeta } from '../local-meta';
import type { Projector } from '../projection/projector';
import { BOOTSTRAP_KEY } from './bootstrap';

/** Which server this replica holds the feed of, and how many times it was re-pointed (its checkpoints' key). */
export const REPLICA_SERVER_KEY = 'sync.replicaServer';

interface ReplicaServer {
  url: string;
  epoch: number;
}

export interface ReplicaServerOptions {
  events: EventsCollection;
  meta: LocalMeta;
  projector: Pick<Projector, 'refoldAll'>;
  /** The address this replica is about to sync with. */
  serverUrl: string;
}

export interface ReplicaServerState {
  /** Part of the replication's identifier: a replica re-pointed at a server it once had never resumes that server's old checkpoint. */
  epoch: number;
  /** The replica was emptied of the previous server's feed just now. */
  reset: boolean;
}

const REMOVE_BATCH = 1000;

/**
 * Makes the replica belong to the server it is about to sync with. A feed
 * position (seq, a bootstrap's upTo) means something only on the server that
 * gave it, and a hub holds one branch where central holds them all: when the
 * address changed (central to a hub, a hub to central), the events the old
 * server confirmed are removed and the replica takes its complaints again
 * from the new server's feed, so nothing the new server would not give this
 * user stays here. The user's unsynced events stay (the replication pushes
 * them to the new server, which stores an id it already holds once) and so
 * do the refused ones, which are the author's to act on. The mark is written
 * last: a workstation closed halfway does the rest when it starts again.
 */
export async function ensureReplicaServer(o: ReplicaServerOptions): Promise<ReplicaServerState> {
  const saved = await o.meta.get<ReplicaServer>(REPLICA_SERVER_KEY);
  if (!saved) {
    // A replica from before the mark existed was synced with the address in use.
    await o.meta.set<ReplicaServer>(REPLICA_SERVER_KEY, { url: o.serverUrl, epoch: 0 });
    return { epoch: 0, reset: false };
  }
  if (saved.url === o.serverUrl) return { epoch: saved.epoch, reset: false };
  for (;;) {
    const confirmed = await o.events.find({ selector: { status: 'accepted' }, limit: REMOVE_BATCH }).exec();
    if (confirmed.length === 0) break;
    await o.events.bulkRemove(confirmed.map((d) => d.id));
  }
  await o.meta.remove(BOOTSTRAP_KEY);
  // Complaints left with no event drop out of the queues and the search index.
  await o.projector.refoldAll();
  const next: ReplicaServer = { url: o.serverUrl, epoch: saved.epoch + 1 };
  await o.meta.set<ReplicaServer>(REPLICA_SERVER_KEY, next);
  return { epoch: next.epoch, reset: true };
}
