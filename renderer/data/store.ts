import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable, type Subscription } from 'rxjs';
import { withPageReads } from './dexie-page-reads';
import type { RxStorage } from 'rxdb';
import { openDatabase, openDeviceDatabase, type DeviceDatabase, type HotlineDatabase } from './db';
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
import { userDatabaseName } from './user-database-name';
import type { DataPlatform } from './platform-port';
import { atRestFrom, type AtRest } from './crypto/at-rest';
import { sealExisting, SealedWithoutKeyError } from './crypto/seal-existing';
import { clearPhoneKey, keyedPhoneKey, type PhoneKey } from './search/blind-tokens';
import { keyedCodec } from './search/keyed-codec';
import { plainCodec } from './search/search-codec';
import { createAccessLog, type AccessLog } from './audit/access-log';
import type { Reference } from './types/reference';
import type { SessionUser } from './types/session';
import type { SyncState } from './types/sync';
import { changeServer, type ServerChangeResult } from './server-change';
import type { UpgradeProgress } from './schema/migrate-collections';

export interface OpenDataStoreOptions {
  platform: DataPlatform;
  /** Default: Dexie (IndexedDB). Tests pass storage-memory. */
  storage?: RxStorage<unknown, unknown>;
  /** The workstation's database; each user's database is named after it and the user id. */
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

/**
 * Everything the hooks and commands read and write for one signed-in user,
 * independent of React. Its database holds only what that user's sessions
 * pulled and wrote; another user on the workstation gets another store.
 */
export interface DataStore {
  /** The user whose replica this is. */
  user: SessionUser;
  db: HotlineDatabase;
  /** Whether this replica's personal fields and search index are encrypted, and with which key. */
  atRest: AtRest;
  /** What the complaints' phone key holds for a phone's digits (the repeat check's lookup). */
  phoneKey: PhoneKey;
  /** The workstation's key-value store (identity, clock, number counter): shared by every user. */
  meta: LocalMeta;
  /** This user's key-value store (projector checkpoint, last sync time, policy revision). */
  userMeta: LocalMeta;
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
  /** Records reads, prints and exports of personal data (in this user's database); uploads them when online. */
  accessLog: AccessLog;
  api: Api;
  now(): number;
  /** Stops this user's sync and closes their database (their pending events stay in it). */
  close(): Promise<void>;
}

/**
 * The workstation: its own small database, the session, and the store of
 * whoever is signed in. Signing out closes that user's store; signing in opens
 * the user's own database, so nothing one user pulled is readable by another.
 */
export interface WorkstationStore {
  db: DeviceDatabase;
  /** How every user's replica on this workstation is kept at rest. */
  atRest: AtRest;
  meta: LocalMeta;
  workstation: Workstation;
  hlc: HlcState;
  session: Session;
  /** The signed-in user's store; null when signed out or while it opens. */
  store$: Observable<DataStore | null>;
  /** While the user's replica is being upgraded to this build's schema (before store$ has it): how far; else null. */
  upgrade$: Observable<UpgradeProgress | null>;
  /**
   * Why the signed-in user's replica is not open, when it was refused:
   * 'sealed-without-key' when it is sealed and this workstation's key can no
   * longer be unwrapped (kept unopened and unchanged); null otherwise.
   */
  refused$: Observable<ReplicaRefusal | null>;
  current(): DataStore | null;
  /** Resolves once the store matches the session (after a sign-in or sign-out settled). */
  settled(): Promise<DataStore | null>;
  /** The sync server's address in use. */
  serverUrl$: Observable<string>;
  /** Points the workstation at another server (server-change.ts); once it resolves, the old server's token is forgotten and sync waits for a sign-in there. */
  changeServer(address: string): Promise<ServerChangeResult>;
  close(): Promise<void>;
}

export type ReplicaRefusal = 'sealed-without-key';

export const DEFAULT_DATABASE_NAME = 'hotline-desk';

async function defaultStorage(): Promise<RxStorage<unknown, unknown>> {
  const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
  return withPageReads(getRxStorageDexie() as RxStorage<unknown, unknown>);
}

interface DeviceParts {
  atRest: AtRest;
  meta: LocalMeta;
  workstation: Workstation;
  hlc: HlcState;
  session: Session;
}

async function openUserStore(
  device: DeviceParts,
  user: SessionUser,
  options: OpenDataStoreOptions,
  storage: RxStorage<unknown, unknown>,
  onUpgrade: (progress: UpgradeProgress) => void,
): Promise<DataStore> {
  const now = options.now ?? Date.now;
  const { atRest, meta, workstation, hlc, session } = device;
  const name = await userDatabaseName(options.databaseName ?? DEFAULT_DATABASE_NAME, user.id);
  const cipher = atRest.kind === 'encrypted' ? atRest.keys.cipher : null;
  const db = await openDatabase({ name, storage, devMode: options.devMode, cipher, onUpgrade });
  const userMeta = localMeta(db.local);
  // A replica from before encryption (or before this workstation had a key) is sealed now, before anything reads it;
  // a sealed one without its key is refused before anything is written to it.
  try {
    await sealExisting(db, userMeta, cipher !== null);
  } catch (error) {
    await db.close();
    throw error;
  }
  const referenceStore = createReferenceStore(db.reference);
  await referenceStore.ready;

  const tracker = new SyncStateTracker(now);
  let onUnauthorized: (sentToken: string | null) => void = () => undefined;
  const api = createApi({
    baseUrl: () => options.platform.getServerUrl(),
    // Never another user's token: this store only speaks for its own user.
    token: () => (session.current().user?.id === user.id ? session.token() : null),
    fetch: options.fetch,
    hooks: {
      onReachable: (ok) => tracker.setReachable(ok),
      onUnauthorized: (sentToken) => onUnauthorized(sentToken),
    },
  });

  const keyed = atRest.kind === 'encrypted';
  const phoneKey = keyed ? keyedPhoneKey(atRest.keys.blind) : clearPhoneKey;
  const codec = keyed ? keyedCodec(atRest.keys.blind) : plainCodec;
  const search = createSearchIndex({ buckets: db.search, complaints: db.complaints, meta: userMeta, codec });
  const projector = createProjector(
    db,
    userMeta,
    () => {
      const ref = referenceStore.current();
      return { policy: ref.policy, calendar: ref.calendar };
    },
    search,
    phoneKey,
  );
  await projector.start();

  const controller = createSyncController({
    db,
    api,
    session,
    userId: user.id,
    tracker,
    hlc,
    meta: userMeta,
    referenceStore,
    projector,
    searchIndex: search,
    platform: options.platform,
    now,
    retryTimeMs: options.retryTimeMs,
    referenceIntervalMs: options.referenceIntervalMs,
    onDirectory: (users) => session.noteCredentials(users.map((u) => ({ userId: u.id, active: u.active, credentialsVersion: u.credentialsVersion }))),
  });
  onUnauthorized = (sentToken) => controller.authExpired(sentToken);

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
    user,
    db,
    atRest,
    phoneKey,
    meta,
    userMeta,
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
      await search.idle();
      await hlc.flush();
      await db.close();
    },
  };

  await controller.start();
  if (options.breachWatcher ?? true) store.breach = createBreachWatcher(store);
  return store;
}

/** The user whose data the session may show: signed in, or expired (local work goes on). */
function sessionOwner(s: ReturnType<Session['current']>): SessionUser | null {
  return s.user && (s.status === 'signed_in' || s.status === 'expired') ? s.user : null;
}

export async function openWorkstationStore(options: OpenDataStoreOptions): Promise<WorkstationStore> {
  const storage = options.storage ?? (await defaultStorage());
  // Before any user's database opens: every replica here is sealed with this workstation's key.
  const atRest: AtRest = options.platform.getDataKey
    ? await atRestFrom(await options.platform.getDataKey())
    : { kind: 'clear', reason: 'no-keychain' };
  const db = await openDeviceDatabase({ name: options.databaseName ?? DEFAULT_DATABASE_NAME, storage, devMode: options.devMode });
  const meta = localMeta(db.local);
  const workstation = await loadWorkstation(meta);
  // One clock per workstation: every user's events are stamped by it, so stamps never repeat here.
  const hlc = await loadHlcState(meta, workstation.nodeId);

  const sessionRef: { current: Session | null } = { current: null };
  let chain: Promise<unknown> = Promise.resolve();
  const api = createApi({
    baseUrl: () => options.platform.getServerUrl(),
    token: () => sessionRef.current?.token() ?? null,
    fetch: options.fetch,
  });
  const raw = createSession({
    meta,
    platform: options.platform,
    api,
    verifierIterations: options.verifierIterations,
    onOnlineSignIn: (user) => ensureWorkstationCode(api, meta, workstation.id, user.branchId),
  });
  // Sign-in, sign-out and restore resolve once the matching user's database is open (or closed).
  const session: Session = {
    ...raw,
    restore: () => raw.restore().then(() => chain).then(() => undefined),
    signIn: (username, password) => raw.signIn(username, password).then((r) => chain.then(() => r)),
    signOut: () => raw.signOut().then(() => chain).then(() => undefined),
  };
  sessionRef.current = session;
  const device: DeviceParts = { atRest, meta, workstation, hlc, session };

  const serverUrl = new BehaviorSubject<string>(await options.platform.getServerUrl());
  const subject = new BehaviorSubject<DataStore | null>(null);
  const upgrade = new BehaviorSubject<UpgradeProgress | null>(null);
  const refused = new BehaviorSubject<ReplicaRefusal | null>(null);
  let refusedFor: string | undefined;
  let closed = false;
  const serial = (job: () => Promise<void>) => {
    const next = chain.then(job);
    chain = next.catch((err: unknown) => console.error('local database switch failed', err));
    return chain;
  };

  // Close the previous user's database before the next one opens (RxDB's collection limit, and no overlap).
  const follow = (owner: SessionUser | null) =>
    serial(async () => {
      const open = subject.getValue();
      if (closed || open?.user.id !== owner?.id) {
        if (open) {
          subject.next(null);
          await open.close();
        }
        // A refused replica is tried again at the next session change (cheap: the look stops at the first sealed value); its notice stays meanwhile.
        if (refusedFor !== owner?.id) refused.next(null);
        if (owner && !closed) {
          try {
            subject.next(await openUserStore(device, owner, options, storage, (p) => upgrade.next(p)));
            refusedFor = undefined;
            refused.next(null);
          } catch (error) {
            if (error instanceof SealedWithoutKeyError) {
              refusedFor = owner.id;
              refused.next('sealed-without-key');
            }
            throw error;
          } finally {
            upgrade.next(null);
          }
        }
      } else if (open && owner) {
        // Same user, fresh details (e.g. a new display name after an online sign-in).
        open.user = owner;
      }
    });

  const sub = session.state$.subscribe((s) => {
    if (s.status !== 'loading') void follow(sessionOwner(s));
  });
  await session.restore();

  return {
    db,
    atRest,
    meta,
    workstation,
    hlc,
    session,
    store$: subject.asObservable(),
    upgrade$: upgrade.asObservable(),
    refused$: refused.asObservable(),
    current: () => subject.getValue(),
    settled: () => chain.then(() => subject.getValue()),
    serverUrl$: serverUrl.asObservable(),
    async changeServer(address) {
      const result = await changeServer(options.platform, session, address);
      if (result.ok) serverUrl.next(result.serverUrl);
      return result;
    },
    async close() {
      sub.unsubscribe();
      closed = true;
      await follow(null);
      await hlc.flush();
      await db.close();
    },
  };
}

/**
 * For tests and tools: the workstation read as one store that is always the
 * signed-in user's (session, meta, workstation and clock are the
 * workstation's; everything else is the current user's store, and reading it
 * while nobody is signed in throws). Closing it closes the workstation.
 */
export async function openDataStore(options: OpenDataStoreOptions): Promise<DataStore> {
  const ws = await openWorkstationStore(options);
  const own: Partial<Record<keyof DataStore, unknown>> = {
    atRest: ws.atRest,
    session: ws.session,
    meta: ws.meta,
    workstation: ws.workstation,
    hlc: ws.hlc,
    close: () => ws.close(),
  };
  return new Proxy({} as DataStore, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in own) return own[key as keyof DataStore];
      // Not a thenable: awaiting the store must not look for the user store.
      if (key === 'then') return undefined;
      const current = ws.current();
      if (!current) throw new Error(`nobody is signed in: store.${key} belongs to a user's store`);
      return current[key as keyof DataStore];
    },
  });
}
