import { BehaviorSubject, concatMap, filter, firstValueFrom, tap } from 'rxjs';
import { createRevision, getChangedDocumentsSince, type BulkWriteRow, type RxDocumentData, type RxStorage, type RxStorageBulkWriteResponse, type RxStorageInstance } from 'rxdb';
import { isSealed, seal, unseal } from './envelope';
import { BLANKED_WHEN_DELETED, SEALED_FIELDS } from './sealed-fields';

type Doc = RxDocumentData<Record<string, unknown>>;
type Instance = RxStorageInstance<Record<string, unknown>, unknown, unknown>;
type Opener = (doc: Doc) => Promise<Doc>;

/** The opener of each sealing instance, for readers that go around RxDB (search/stored-complaints.ts). */
const openers = new WeakMap<object, Opener>();
/** The upgrade of each sealing instance: seals what an older, clear replica stored. */
const sealers = new WeakMap<object, () => Promise<number>>();
/** The probe of each sealing instance: whether it holds any sealed value (read below the sealing layer). */
const probes = new WeakMap<object, () => Promise<boolean>>();
/** Documents read per step of the upgrade. */
const SEAL_BATCH = 500;

/** Opens the sealed fields of documents read straight from `instance`'s storage (identity for other instances). */
export function storedDocOpener(instance: object): Opener {
  return openers.get(instance) ?? ((doc) => Promise.resolve(doc));
}

/**
 * Seals every document `instance` still holds with a clear field (a replica
 * written before it had a key), deleted ones included, and answers how many.
 * Nothing for a storage without sealing or without a key.
 */
export function sealClearDocuments(instance: object): Promise<number> {
  return sealers.get(instance)?.() ?? Promise.resolve(0);
}

/**
 * Whether `instance` stores any sealed value, deleted documents included;
 * false for a storage without sealing. Reads below the sealing layer, so it
 * answers without a key, and stops at the first sealed value.
 */
export function holdsSealedDocuments(instance: object): Promise<boolean> {
  return probes.get(instance)?.() ?? Promise.resolve(false);
}

/**
 * A storage whose instances seal SEALED_FIELDS on the way in and open them
 * on the way out, so everything above the storage (RxDB, the projector, the
 * live queries, replication) sees and sends the values as they were written.
 * A clear value read back (a replica from before encryption) passes through
 * as it is; seal-existing.ts rewrites those. Without a key (`cipher` null)
 * nothing is sealed, and a sealed value read back is refused rather than
 * shown as gibberish.
 */
export function sealedStorage<I, O>(storage: RxStorage<I, O>, cipher: CryptoKey | null): RxStorage<I, O> {
  return Object.assign({}, storage, {
    name: `sealed-${storage.name}`,
    async createStorageInstance(params: Parameters<RxStorage<I, O>['createStorageInstance']>[0]) {
      const instance = await storage.createStorageInstance(params);
      const fields = SEALED_FIELDS[params.collectionName];
      if (!fields) return instance;
      const blanks = BLANKED_WHEN_DELETED[params.collectionName] ?? {};
      return sealingInstance(instance as unknown as Instance, fields, blanks, cipher, params.databaseInstanceToken) as unknown as typeof instance;
    },
  });
}

function sealingInstance(
  instance: Instance,
  fields: readonly string[],
  blanks: Readonly<Record<string, string>>,
  cipher: CryptoKey | null,
  token: string,
): Instance {
  // Values this instance just sealed, by envelope: the change events of its own writes need no decryption.
  const written = new Map<string, unknown>();
  const processing = new BehaviorSubject(0);

  async function toStorage(doc: Doc, sealedHere: string[]): Promise<Doc> {
    if (!cipher) return doc;
    const out: Doc = doc._deleted ? { ...doc, ...blanks } : { ...doc };
    for (const f of fields) {
      const value = doc[f];
      if (value === undefined || isSealed(value)) continue;
      const envelope = await seal(cipher, value);
      written.set(envelope, value);
      sealedHere.push(envelope);
      out[f] = envelope;
    }
    return out;
  }

  async function fromStorage(doc: Doc): Promise<Doc> {
    let out = doc;
    for (const f of fields) {
      const value = doc[f];
      if (!isSealed(value)) continue;
      if (out === doc) out = { ...doc };
      if (written.has(value)) out[f] = written.get(value);
      else if (cipher) out[f] = await unseal(cipher, value);
      else throw new Error('this replica was encrypted with a data key this workstation no longer has');
    }
    return out;
  }
  const fromMaybe = (doc: Doc | undefined) => (doc ? fromStorage(doc) : Promise.resolve(doc));

  const wrapped: Instance = {
    ...instance,
    databaseName: instance.databaseName,
    internals: instance.internals,
    options: instance.options,
    schema: instance.schema,
    collectionName: instance.collectionName,
    count: instance.count.bind(instance),
    cleanup: instance.cleanup.bind(instance),
    close: instance.close.bind(instance),
    remove: instance.remove.bind(instance),
    getAttachmentData: instance.getAttachmentData.bind(instance),
    async bulkWrite(rows: BulkWriteRow<Record<string, unknown>>[], context: string) {
      const sealedHere: string[] = [];
      const original = new Map<BulkWriteRow<Record<string, unknown>>, BulkWriteRow<Record<string, unknown>>>();
      // `previous` stays as it is: the storage compares only its revision, and echoes it as the
      // change event's previous state, which fromStorage passes through when clear.
      const useRows = await Promise.all(
        rows.map(async (row) => {
          const use = { previous: row.previous, document: await toStorage(row.document as Doc, sealedHere) };
          original.set(use, row);
          return use;
        }),
      );
      try {
        const result = await instance.bulkWrite(useRows, context);
        const error = await Promise.all(
          result.error.map(async (e) => {
            const back = { ...e, writeRow: original.get(e.writeRow) ?? e.writeRow };
            if ('documentInDb' in back && back.documentInDb) back.documentInDb = await fromStorage(back.documentInDb as Doc);
            return back;
          }),
        );
        // As RxDB's own wrappers: every change event of this write is out before the write resolves.
        await firstValueFrom(processing.pipe(filter((n) => n === 0)));
        return { error } as RxStorageBulkWriteResponse<Record<string, unknown>>;
      } finally {
        for (const envelope of sealedHere) written.delete(envelope);
      }
    },
    async query(prepared) {
      const result = await instance.query(prepared);
      return { documents: await Promise.all(result.documents.map(fromStorage)) };
    },
    async findDocumentsById(ids, withDeleted) {
      return Promise.all((await instance.findDocumentsById(ids, withDeleted)).map(fromStorage));
    },
    // Only where the storage has it: without it RxDB answers with a query (storage-memory).
    getChangedDocumentsSince: instance.getChangedDocumentsSince
      ? async (limit, checkpoint) => {
          const page = await instance.getChangedDocumentsSince!(limit, checkpoint);
          return { checkpoint: page.checkpoint, documents: await Promise.all(page.documents.map(fromStorage)) };
        }
      : undefined,
    changeStream() {
      // In order: an async step per bulk with mergeMap could let a later bulk overtake an earlier one.
      return instance.changeStream().pipe(
        tap(() => processing.next(processing.getValue() + 1)),
        concatMap(async (bulk) => ({
          ...bulk,
          events: await Promise.all(
            bulk.events.map(async (e) => ({
              ...e,
              documentData: await fromStorage(e.documentData),
              previousDocumentData: await fromMaybe(e.previousDocumentData as Doc | undefined),
            })),
          ),
        })),
        tap(() => processing.next(processing.getValue() - 1)),
      );
    },
  };
  /**
   * Rewrites clear documents through this layer with a new revision and
   * their old `_meta`: their change time stays, so the replication and the
   * projector's checkpoints do not take the rewrite for new data (the
   * content they read back is the same). A document changed meanwhile (a
   * conflict) was written through this layer, so it is sealed already.
   */
  async function sealClear(): Promise<number> {
    if (!cipher) return 0;
    let sealed = 0;
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(instance, SEAL_BATCH, checkpoint as never);
      const clear = page.documents.filter(
        (d) => fields.some((f) => d[f] !== undefined && !isSealed(d[f])) || (d._deleted && Object.entries(blanks).some(([k, v]) => d[k] !== v)),
      );
      if (clear.length) {
        const rows = clear.map((d) => ({ previous: d, document: { ...d, _rev: createRevision(token, d) } }));
        const { error } = await wrapped.bulkWrite(rows, 'seal-clear-documents');
        const failed = error.filter((e) => e.status !== 409);
        if (failed.length) throw new Error(`sealing stored documents: ${failed.length} not written`);
        sealed += clear.length - error.length;
      }
      if (page.documents.length < SEAL_BATCH) return sealed;
      checkpoint = page.checkpoint;
    }
  }

  async function holdsSealed(): Promise<boolean> {
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(instance, SEAL_BATCH, checkpoint as never);
      if (page.documents.some((d) => fields.some((f) => isSealed(d[f])))) return true;
      if (page.documents.length < SEAL_BATCH) return false;
      checkpoint = page.checkpoint;
    }
  }

  openers.set(wrapped, fromStorage);
  sealers.set(wrapped, sealClear);
  probes.set(wrapped, holdsSealed);
  return wrapped;
}
