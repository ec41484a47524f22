import { memoryPlatform, type DataPlatform } from '../../renderer/data/platform-port';
import { loadBrowserDataKey } from '../../renderer/platform/web-data-key';

/**
 * The benchmark pages' platform: no server, and the browser build's own data
 * key, kept in the profile's IndexedDB. A replica is sealed with that key, so
 * a replica cached between runs (or reopened after a browser restart) opens
 * with the key it was written with; memoryPlatform's key lives only as long
 * as the page, and a later session could not read what it sealed.
 */
export function benchPlatform(): DataPlatform {
  return { ...memoryPlatform('http://127.0.0.1:9'), getDataKey: () => loadBrowserDataKey(indexedDB) };
}
