import type { Subscription } from 'rxjs';
import type { HotlineDatabase } from '../db';
import type { HlcState } from '../hlc-state';
import type { LocalMeta } from '../local-meta';
import type { DataPlatform } from '../platform-port';
import type { Projector } from '../projection/projector';
import type { ReferenceStore } from '../reference/reference-store';
import type { Session } from '../session';
import type { SyncStateTracker } from '../sync-state';
import type { ReferenceUser } from '../types/reference';
import type { Api } from './api';
import { startEventReplication, streamsClosed, type EventReplicationState } from './replication';
import { probeUpstream } from './upstream-probe';
import { BOOTSTRAP_KEY, runBootstrap } from './bootstrap';
import { ensureReplicaServer } from './replica-server';

export interface SyncController {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * The server refused `sentToken` (null: a request sent without one): stop exchanging, keep every
   * pending event, ask to sign in. The session expires only if that is still its token.
   */
  authExpired(sentToken: string | null): void;
  /** Pulls reference data now (sign-in, periodic, on demand). */
  pullReference(): Promise<boolean>;
  /** Resolves when everything local is pushed and the last pull is done (tests, diagnostics). */
  awaitInSync(): Promise<void>;
  replication(): EventReplicationState | null;
}

export interface SyncControllerOptions {
  db: HotlineDatabase;
  api: Api;
  session: Session;
  /** The user whose replica this controller syncs: it never syncs while another user is signed in. */
  userId: string;
  tracker: SyncStateTracker;
  hlc: HlcState;
  meta: LocalMeta;
  referenceStore: ReferenceStore;
  projector: Projector;
  /** The search index, whose writes a first sync holds until its end. */
  searchIndex?: { hold(): Promise<void>; release(): Promise<void> };
  platform: DataPlatform;
  now: () => number;
  retryTimeMs?: number;
  referenceIntervalMs?: number;
  /** How often to ask a branch hub whether it reaches central (default 30 s). */
  upstreamIntervalMs?: number;
  /** The directory of a pulled reference answer (accounts disabled or changed on the server). */
  onDirectory?: (users: readonly ReferenceUser[]) => Promise<void>;
}

const LAST_SYNCED_KEY = 'sync.lastSyncedAt';

/** Starts and stops replication with the session, and feeds the sync bar. */
export function createSyncController(o: SyncControllerOptions): SyncController {
  let replication: EventReplicationState | null = null;
  let replicationUser: string | null = null;
  let referenceTimer: ReturnType<typeof setInterval> | null = null;
  let upstreamTimer: ReturnType<typeof setInterval> | null = null;
  const subs: Subscription[] = [];
  let lastPersisted = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (job: () => Promise<void>) => {
    const next = chain.then(job);
    chain = next.catch((err: unknown) => console.error('sync control failed', err));
    return next;
  };

  const onOnline = () => {
    o.tracker.setBrowserOnline(true);
    // Back online: push and pull now rather than at the next retry.
    replication?.reSync();
  };
  const onOffline = () => o.tracker.setBrowserOnline(false);

  function exchanged(): void {
    o.tracker.markSynced();
    const t = o.now();
    if (t - lastPersisted > 10_000) {
      lastPersisted = t;
      void o.meta.set(LAST_SYNCED_KEY, new Date(t).toISOString()).catch(() => undefined);
    }
  }

  /** Set at once when sync should stop, so a running bootstrap ends after its page. */
  let stopping = false;

  /** An empty replica's first sync; the feed position pull continues from, or null for an ordinary pull. */
  async function bootstrap(): Promise<number | null> {
    try {
      return await runBootstrap({
        api: o.api,
        events: o.db.events,
        meta: o.meta,
        now: o.now,
        onProgress: (p) => o.tracker.setFirstSync(p),
        settled: () => o.projector.idle(),
        index: o.searchIndex,
        onDocuments: (docs) => {
          const maxSkew = o.referenceStore.current().policy.sync.hlcMaxSkewMs;
          const t = o.now();
          for (const d of docs) o.hlc.observe(d.hlc, t, maxSkew);
          exchanged();
        },
        isStopped: () => stopping,
      });
    } catch (err) {
      // Offline or refused: the ordinary pull from the start is slower but just as complete.
      console.warn('first sync by bootstrap failed; pulling instead', err);
      await o.meta.remove(BOOTSTRAP_KEY);
      return null;
    } finally {
      o.tracker.setFirstSync(null);
    }
  }

  async function stopReplication(): Promise<void> {
    if (referenceTimer) clearInterval(referenceTimer);
    referenceTimer = null;
    if (upstreamTimer) clearInterval(upstreamTimer);
    upstreamTimer = null;
    const r = replication;
    replication = null;
    replicationUser = null;
    o.tracker.setSyncing(false);
    if (r) {
      await r.cancel();
      await streamsClosed(r);
    }
  }

  async function pullReference(): Promise<boolean> {
    if (!o.session.token()) return false;
    try {
      const raw = await o.api.json<unknown>('GET', '/api/reference');
      const parsed = await o.referenceStore.save(raw, new Date(o.now()).toISOString());
      exchanged();
      if (parsed.users) await o.onDirectory?.(parsed.users);
      if (parsed.policy || parsed.calendar) {
        // Deadlines are computed with the policy: a new policy means new deadlines everywhere.
        const revKey = 'projector.policyRevision';
        const rev = parsed.policy?.revision ?? null;
        if ((await o.meta.get<number>(revKey)) !== rev) {
          await o.meta.set(revKey, rev);
          await o.projector.refoldAll();
        }
      }
      return true;
    } catch {
      return false;
    }
  }

  async function startReplication(userId: string): Promise<void> {
    if (replication && replicationUser === userId) return;
    await stopReplication();
    stopping = false;
    // The policy first: the bootstrap's events move this workstation's clock only within the
    // policy's skew bound, and before the policy arrives that bound is the default's, so
    // stamps of the branch's workstations a little ahead would be refused and this
    // workstation would stamp its first writes before the complaints they change.
    await pullReference();
    // The replica belongs to one server: re-pointed at another, it drops the old server's feed first.
    const serverUrl = await o.api.baseUrl();
    const replica = await ensureReplicaServer({ events: o.db.events, meta: o.meta, projector: o.projector, serverUrl });
    // The old server's word on central's confirmations says nothing about the new server's feed.
    if (replica.reset) o.tracker.setUpstream(null);
    if (stopping) return;
    const upTo = await bootstrap();
    if (stopping) return;
    const state = startEventReplication({
      epoch: replica.epoch,
      initialCheckpoint: upTo === null ? null : { seq: upTo },
      collection: o.db.events,
      api: o.api,
      serverUrl,
      userId,
      retryTimeMs: o.retryTimeMs,
      onDocuments: (docs) => {
        const maxSkew = o.referenceStore.current().policy.sync.hlcMaxSkewMs;
        const t = o.now();
        for (const d of docs) o.hlc.observe(d.hlc, t, maxSkew);
      },
      onExchange: exchanged,
      // Keeps this workstation's stamps within the skew bound of the server's clock, whatever the wall clock says.
      onServerTime: (serverMs) => o.hlc.observeServerTime(serverMs, o.now()),
      onStreamConnection: (open) => {
        if (open) exchanged();
      },
      // The stream's 401 comes through the api (api.raw), which reports it with its token.
    });
    replication = state;
    replicationUser = userId;
    subs.push(
      state.active$.subscribe((active) => o.tracker.setSyncing(active)),
      state.error$.subscribe((err) => {
        // Offline is not an error to show; the sync bar says offline.
        if (o.tracker.value.online) o.tracker.setError(err.message.split('\n')[0] ?? 'Sync failed');
      }),
    );
    referenceTimer = setInterval(() => void pullReference(), o.referenceIntervalMs ?? 15 * 60_000);
    void checkUpstream();
    upstreamTimer = setInterval(() => void checkUpstream(), o.upstreamIntervalMs ?? 30_000);
  }

  /** Behind a branch hub, the sync bar also shows whether the hub reaches central. */
  async function checkUpstream(): Promise<void> {
    const link = await probeUpstream(o.api);
    if (link !== undefined) o.tracker.setUpstream(link);
  }

  const controller: SyncController = {
    async start() {
      o.tracker.restoreLastSynced(await o.meta.get<string>(LAST_SYNCED_KEY));
      if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
        window.addEventListener('online', onOnline);
        window.addEventListener('offline', onOffline);
      }
      subs.push(
        o.db.events.count({ selector: { status: 'pending' } }).$.subscribe((n) => {
          o.tracker.setPending(n);
          void o.platform.setPendingCount?.(n)?.catch(() => undefined);
        }),
        o.session.state$.subscribe((s) => {
          o.tracker.setAuthExpired(s.status === 'expired');
          const mine = s.status === 'signed_in' && s.user?.id === o.userId;
          // A running bootstrap ends after its page instead of holding up a sign-out.
          if (!mine) stopping = true;
          void serial(async () => {
            const token = o.session.token();
            if (mine && token) await startReplication(o.userId);
            else await stopReplication();
          });
        }),
      );
    },
    async stop() {
      stopping = true;
      subs.splice(0).forEach((s) => s.unsubscribe());
      if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      await serial(stopReplication);
    },
    authExpired(sentToken) {
      o.tracker.setAuthExpired(true);
      void o.session.markExpired(o.userId, sentToken);
    },
    pullReference,
    async awaitInSync() {
      await chain;
      if (replication) await replication.awaitInSync();
      await o.projector.idle();
    },
    replication: () => replication,
  };
  return controller;
}
