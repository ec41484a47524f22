import type { HotlineDatabase } from '../db';
import type { LocalMeta } from '../local-meta';
import { sealClearDocuments } from './sealed-storage';

/** Set once every stored document of the replica is sealed; removed by any opening without a key. */
export const SEALED_KEY = 'atRest.sealed';

/**
 * The upgrade of a replica written before this workstation had a data key:
 * its events and complaint documents are sealed in place (run at opening,
 * before the projector and replication start), once. The rest follows by
 * itself: the projector sees another phone key and rewrites every complaint
 * with it (projector.ts), the search index sees another codec version and
 * rebuilds keyed, overwriting every bucket. An opening without a key writes
 * in the clear, so it takes the mark away and the next keyed opening seals
 * again. Answers how many documents were sealed.
 */
export async function sealExisting(db: HotlineDatabase, meta: LocalMeta, keyed: boolean): Promise<number> {
  if (!keyed) {
    await meta.remove(SEALED_KEY);
    return 0;
  }
  if (await meta.get<boolean>(SEALED_KEY)) return 0;
  let sealed = 0;
  for (const collection of [db.events, db.complaints]) sealed += await sealClearDocuments(collection.storageInstance.originalStorageInstance);
  await meta.set(SEALED_KEY, true);
  return sealed;
}
