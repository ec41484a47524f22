import { getChangedDocumentsSince, type RxCollection, type RxDocumentData } from 'rxdb';
import type { ComplaintsCollection } from '../db';
import type { ComplaintDoc } from '../schema/complaints-schema';
import { storedDocOpener } from '../crypto/sealed-storage';

/** The part of RxDB's Dexie storage state this reader uses. */
interface DexieInternals {
  dexieTable: { where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<unknown[]> } } } };
  booleanIndexes: string[];
}

function isDexie(internals: unknown): internals is DexieInternals {
  return typeof internals === 'object' && internals !== null && 'dexieTable' in internals && 'booleanIndexes' in internals;
}

/**
 * Every stored complaint, `batch` documents at a time, in no promised order,
 * deleted ones included. On IndexedDB a batch is one `getAll` in primary-key
 * order: RxDB's own reads walk a cursor one record per round trip to the
 * browser's database process, which took 20 s for 50,000 complaints in
 * Chromium. Other storages are read through RxDB's changes feed.
 */
export function storedComplaints(collection: ComplaintsCollection, batch: number): AsyncGenerator<RxDocumentData<ComplaintDoc>[]> {
  return storedDocs(collection, batch);
}

/** Every stored document of a collection whose primary key is `id`, as storedComplaints reads them. */
export async function* storedDocs<T extends { id: string }>(collection: RxCollection<T>, batch: number): AsyncGenerator<RxDocumentData<T>[]> {
  type Stored = RxDocumentData<T>;
  const internals: unknown = await (collection.storageInstance as { internals?: unknown }).internals;
  // Read below RxDB: sealed fields are opened here (RxDB's own reads open them in the storage).
  const open = storedDocOpener(collection.storageInstance.originalStorageInstance);
  if (isDexie(internals)) {
    // Loaded here, as the store loads the Dexie storage: only IndexedDB builds need it.
    const { fromDexieToStorage } = await import('rxdb/plugins/storage-dexie');
    let last = '';
    for (;;) {
      const rows = await internals.dexieTable.where(':id').above(last).limit(batch).toArray();
      const docs = (await Promise.all(rows.map((r) => open(fromDexieToStorage(internals.booleanIndexes, r) as never)))) as Stored[];
      if (docs.length > 0) yield docs;
      if (rows.length < batch) return;
      last = (docs[docs.length - 1] as Stored).id;
    }
  }
  let checkpoint: unknown;
  for (;;) {
    const page = await getChangedDocumentsSince(collection.storageInstance, batch, checkpoint as never);
    if (page.documents.length > 0) yield page.documents as Stored[];
    if (page.documents.length < batch) return;
    checkpoint = page.checkpoint;
  }
}
