import { distinctUntilChanged, filter, map, type Observable, type Subscription } from 'rxjs';
import type { RxStorage } from 'rxdb';
import { openDatabase, type HotlineDatabase } from './db';
import { localMeta, type LocalMeta } from './local-meta';
import { loadWorkstation, type Workstation } from './workstation';
import { loadHlcState, type HlcState } from './hlc-state';
import { createReferenceStore, type ReferenceStore } from './reference/reference-store';
import { createSession, type Session } from './session';
import { createApi, type Api } from './sync/api';
import { SyncStateTracker } from './sync-state';
import { createProjector, type Projector } from './projection/projector';
import { createSyncController, type SyncController } from './sync/sync-controller';
import { createSearchIndex, type SearchIndex } from './search/search-index';
import { createBreachWatcher, type BreachWatcher } from './breach-watcher';
import { ensureWorkstationCode } from './workstation-code';
import type { DataPlatform } from './platform-port';
import { createAccessLog, type AccessLog } from './audit/access-log';
import type { Reference, SyncState } from './types';

export interface OpenDataStoreOptions {
  platform: DataPlatform;
  /** Default: Dexie (IndexedDB). Tests pass storage-memory. */
  storage?: RxStorage<unknown, unknown>;
  databaseName?: string;
  devMode?: boolean;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests pin time. */
  now?: () => number;
  /** PBKDF2 iterations for new offline verifiers (tests lower it). */
  verifierIterations?: number;
  /** Start the breach watcher (default true). */
  breachWatcher?: boolean;
  /** RxDB's retry time after a failed request (ms). */
  retryTimeMs?: number;
  /** How often reference data is pulled while signed in (ms). */
  referenceIntervalMs?: number;
}

/** Everything the hooks and commands read and write, independent of React. */
export interface DataStore {
  db: HotlineDatabase;
  meta: LocalMeta;
  workstation: Workstation;
  hlc: HlcState;
  session: Session;
  sync: { state$: Observable<SyncState>; current(): SyncState; controller: SyncController };
  referenceStore: ReferenceStore;
  reference$: Observable<Reference>;
  projector: Projector;
  search: SearchIndex;
  /** Null when disabled by the options. */
  breach: BreachWatcher | null;
  /** Records reads, prints and exports of personal data; uploads them when online. */
  accessLog: AccessLog;
  api: Api;
  now(): number;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_NAME = 'hotline-desk';

async function defaultStorage(): Promise<RxStorage<unknown, unknown>> {
  const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
  return getRxStorageDexie() as RxStorage<unknown, unknown>;
}

export async function openDataStore(options: OpenDataStoreOptions): Promise<DataStore> {
  const now = options.now ?? Date.now;
  const storage = options.storage ?? (await defaultStorage());
  const db = await openDatabase({ name: options.databaseName ?? DEFAULT_DATABASE_NAME, storage, devMode: options.devMode });
  const meta = localMeta(db.local);
  const workstation = await loadWorkstation(meta);
  const hlc = await loadHlcState(meta, workstation.nodeId);
  const referenceStore = createReferenceStore(db.reference);
  await referenceStore.ready;

  const tracker = new SyncStateTracker(now);
  let onUnauthorized: () => void = () => undefined;
  const sessionRef: { current: Session | null } = { current: null };
  const api = createApi({
    baseUrl: () => options.platform.getServerUrl(),
    token: () => sessionRef.current?.token() ?? null,
    fetch: options.fetch,
    hooks: {
      onReachable: (ok) => tracker.setReachable(ok),
      onUnauthorized: () => onUnauthorized(),
    },
  });
  const session = createSession({
    meta,
    platform: options.platform,
    api,
    verifierIterations: options.verifierIterations,
    onOnlineSignIn: (user) => ensureWorkstationCode(api, meta, workstation.id, user.branchId),
  });
  sessionRef.current = session;

  const projector = createProjector(db, meta, () => {
    const ref = referenceStore.current();
    return { policy: ref.policy, calendar: ref.calendar };
  });
  await projector.start();

  const search = createSearchIndex(db.complaints);
  const controller = createSyncController({
    db,
    api,
    session,
    tracker,
    hlc,
    meta,
    referenceStore,
    projector,
    platform: options.platform,
    now,
    retryTimeMs: options.retryTimeMs,
    referenceIntervalMs: options.referenceIntervalMs,
  });
  onUnauthorized = () => controller.authExpired();

  const subs: Subscription[] = [];
  const accessLog = createAccessLog({
    local: db.local,
    api,
    session,
    workstationId: workstation.id,
    now,
    synced$: tracker.state$.pipe(
      map((st) => st.lastSyncedAt),
      distinctUntilChanged(),
      filter((at) => at !== null),
    ),
  });

  const store: DataStore = {
    db,
    meta,
    workstation,
    hlc,
    session,
    sync: { state$: tracker.state$, current: () => tracker.value, controller },
    referenceStore,
    reference$: referenceStore.reference$,
    projector,
    search,
    breach: null,
    accessLog,
    api,
    now,
    async close() {
      subs.forEach((s) => s.unsubscribe());
      accessLog.stop();
      store.breach?.stop();
      await controller.stop();
      projector.stop();
      search.stop();
      referenceStore.stop();
      await projector.idle();
      await hlc.flush();
      await db.close();
    },
  };

  await session.restore();
  await controller.start();
  if (options.breachWatcher ?? true) store.breach = createBreachWatcher(store);
  return store;
}
