import type { DataKeyAnswer } from '../../shared/platform/bridge';
import { generateDataKey } from '../data/crypto/data-keys';

/** A database of its own, so the replica's databases (and their removal) never touch the key. */
export const KEY_DATABASE = 'hotline-desk-keys';
const STORE = 'keys';
const DATA_KEY = 'data-key';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openKeys(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(KEY_DATABASE, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

/**
 * The browser build's data key: a non-extractable WebCrypto key, stored as
 * the CryptoKey object itself (structured clone), so no page script can read
 * its bytes. It sits in the same browser profile as the data it protects, so
 * it does not protect a copied profile the way the desktop's OS keychain
 * does (docs/desktop.md). Two tabs opening at once agree on one key: `add`
 * refuses the second, which then reads the first's.
 */
export async function loadBrowserDataKey(idb: IDBFactory): Promise<DataKeyAnswer> {
  const db = await openKeys(idb);
  try {
    const read = async () => (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(DATA_KEY))) as CryptoKey | undefined;
    const stored = await read();
    if (stored) return { kind: 'browser', key: stored };
    const fresh = await generateDataKey();
    try {
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).add(fresh, DATA_KEY));
      return { kind: 'browser', key: fresh };
    } catch {
      const other = await read();
      if (!other) throw new Error('the data key could not be stored');
      return { kind: 'browser', key: other };
    }
  } finally {
    db.close();
  }
}
