import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { eventsSchema, type EventDoc } from './schema/events-schema';
import { complaintsSchema, type ComplaintDoc } from './schema/complaints-schema';
import { referenceSchema, type ReferenceDoc } from './schema/reference-schema';
import { localSchema, type LocalDoc } from './schema/local-schema';
import { searchSchema, type SearchBucketDoc } from './schema/search-schema';
import { migrationStrategies } from './schema/migrations';
import { migrateCollections, type UpgradeProgress } from './schema/migrate-collections';
import { eventsConflictHandler } from './schema/events-conflict-handler';
import { sealedStorage } from './crypto/sealed-storage';

export type EventsCollection = RxCollection<EventDoc>;
export type ComplaintsCollection = RxCollection<ComplaintDoc>;
export type ReferenceCollection = RxCollection<ReferenceDoc>;
export type LocalCollection = RxCollection<LocalDoc>;
export type SearchBucketsCollection = RxCollection<SearchBucketDoc>;

export interface HotlineCollections {
  events: EventsCollection;
  complaints: ComplaintsCollection;
  reference: ReferenceCollection;
  local: LocalCollection;
  /** The persisted search index (search/search-index.ts). */
  search: SearchBucketsCollection;
}

export type HotlineDatabase = RxDatabase<HotlineCollections>;

/** The workstation's own database: identity, clock, number counter, sign-in verifiers; no complaint data. */
export interface DeviceCollections {
  local: LocalCollection;
}

export type DeviceDatabase = RxDatabase<DeviceCollections>;

export interface OpenDatabaseOptions {
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Adds RxDB's dev-mode checks and schema validation of every write (development and tests). */
  devMode?: boolean;
  /** Several windows on one database (the browser); Electron runs one window. */
  multiInstance?: boolean;
  /**
   * The key personal fields are sealed with (crypto/sealed-storage.ts); null
   * keeps them clear and refuses sealed values. Absent: no sealing layer at
   * all (the workstation database holds no complaint data).
   */
  cipher?: CryptoKey | null;
  /** Told how a local schema upgrade advances (schema/migrate-collections.ts), when one runs while opening. */
  onUpgrade?: (progress: UpgradeProgress) => void;
}

addRxPlugin(RxDBMigrationSchemaPlugin);

let devModeAdded = false;

async function addDevMode(): Promise<void> {
  if (devModeAdded) return;
  const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devModeAdded = true;
}

async function createDatabase<C>(options: OpenDatabaseOptions): Promise<RxDatabase<C>> {
  if (options.devMode) await addDevMode();
  const sealed = options.cipher === undefined ? options.storage : sealedStorage(options.storage, options.cipher);
  // Validation sees the documents as written, before sealing.
  const storage = options.devMode ? wrappedValidateAjvStorage({ storage: sealed }) : sealed;
  return createRxDatabase<C>({
    name: options.name,
    storage,
    multiInstance: options.multiInstance ?? false,
    eventReduce: true,
    closeDuplicates: true,
    // Queue counts combine filters no single index covers; counting them is still cheap locally.
    allowSlowCount: true,
  });
}

/**
 * One collection, open for the whole run. It keeps the database name of the
 * builds that held everything in one database, so the workstation keeps its
 * id, clock and counters; the old collections in it are no longer opened.
 */
export async function openDeviceDatabase(options: OpenDatabaseOptions): Promise<DeviceDatabase> {
  const db = await createDatabase<DeviceCollections>(options);
  await db.addCollections({ local: { schema: localSchema, migrationStrategies: migrationStrategies.local, autoMigrate: false } });
  await migrateCollections(db, options.onUpgrade);
  return db;
}

/**
 * One signed-in user's replica, five collections. With the device database
 * that makes six open at once: the free build of RxDB allows 13 per process,
 * so the previous user's database is closed before the next one opens.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<HotlineDatabase> {
  const db = await createDatabase<HotlineCollections>(options);
  await db.addCollections({
    events: { schema: eventsSchema, migrationStrategies: migrationStrategies.events, conflictHandler: eventsConflictHandler, autoMigrate: false },
    complaints: { schema: complaintsSchema, migrationStrategies: migrationStrategies.complaints, autoMigrate: false },
    reference: { schema: referenceSchema, migrationStrategies: migrationStrategies.reference, autoMigrate: false },
    local: { schema: localSchema, migrationStrategies: migrationStrategies.local, autoMigrate: false },
    search: { schema: searchSchema, autoMigrate: false },
  });
  // Before the database is returned, so nothing reads or writes a collection that is still being carried over.
  await migrateCollections(db, options.onUpgrade);
  return db;
}
