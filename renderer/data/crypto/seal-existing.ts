import type { HotlineDatabase } from '../db';
import type { LocalMeta } from '../local-meta';
import { holdsSealedDocuments, sealClearDocuments } from './sealed-storage';

/** Set once every stored document of the replica is sealed; removed by an opening without a key of a replica with nothing sealed. */
export const SEALED_KEY = 'atRest.sealed';
/** Set before a keyed opening seals anything: the replica may hold sealed values from then on. */
export const KEYED_KEY = 'atRest.keyed';

/**
 * A replica holding sealed values, opened on a workstation without its key
 * (the keychain can no longer unwrap it). It is refused before anything is
 * written to it: its sealed values stay as they are, nothing is written next
 * to them in the clear, and it opens again once the key is back.
 */
export class SealedWithoutKeyError extends Error {
  constructor() {
    super('this replica was encrypted with a data key this workstation no longer has; it is kept as it is, unopened');
    this.name = 'SealedWithoutKeyError';
  }
}

/**
 * The upgrade of a replica written before this workstation had a data key:
 * its events and complaint documents are sealed in place (run at opening,
 * before the projector and replication start), once. The rest follows by
 * itself: the projector sees another phone key and rewrites every complaint
 * with it (projector.ts), the search index sees another codec version and
 * rebuilds keyed, overwriting every bucket. Answers how many documents were
 * sealed.
 *
 * An opening without a key writes in the clear, so it may go on only with a
 * replica that holds nothing sealed: one that was ever opened with a key is
 * looked through first (stopping at the first sealed value), and refused with
 * SealedWithoutKeyError if anything is sealed. Otherwise the marks go and
 * the next keyed opening seals again.
 */
export async function sealExisting(db: HotlineDatabase, meta: LocalMeta, keyed: boolean): Promise<number> {
  const collections = [db.events, db.complaints].map((c) => c.storageInstance.originalStorageInstance);
  if (!keyed) {
    const wasKeyed = (await meta.get<boolean>(SEALED_KEY)) || (await meta.get<boolean>(KEYED_KEY));
    if (wasKeyed) {
      for (const instance of collections) if (await holdsSealedDocuments(instance)) throw new SealedWithoutKeyError();
      await meta.remove(SEALED_KEY);
      await meta.remove(KEYED_KEY);
    }
    return 0;
  }
  if (await meta.get<boolean>(SEALED_KEY)) return 0;
  await meta.set(KEYED_KEY, true);
  let sealed = 0;
  for (const instance of collections) sealed += await sealClearDocuments(instance);
  await meta.set(SEALED_KEY, true);
  return sealed;
}
