import { getQueryMatcher, type RxStorage } from 'rxdb';

/** The part of RxDB's Dexie storage state these reads use. */
interface DexieState {
  dexieDb: { _options: { IDBKeyRange?: typeof IDBKeyRange }; transaction(mode: 'r', table: unknown, job: (tx: { idbtrans: IDBTransaction }) => Promise<void>): Promise<void> };
  dexieTable: unknown;
  booleanIndexes: string[];
}

interface PreparedQuery {
  query: { selector: unknown; skip?: number; limit?: number };
  queryPlan: { index: string[]; sortSatisfiedByIndex: boolean; selectorSatisfiedByIndex: boolean };
}

function isDexie(state: unknown): state is DexieState {
  return typeof state === 'object' && state !== null && 'dexieDb' in state && 'dexieTable' in state && 'booleanIndexes' in state;
}

/**
 * RxDB's Dexie storage answers a query by walking an IndexedDB cursor, one
 * record per round trip to the browser's database process: a queue page of
 * 50 rows is 50 round trips. Where the index gives the query's order and a
 * limit bounds it (every page the queue asks), this reads the first skip +
 * limit records of the range with one `getAll` instead. When the index does
 * not decide the whole filter and that read holds rows the filter drops, the
 * page may lie further on: RxDB's own cursor walk answers then, as before.
 * Everything else (counts, writes, unbounded or unordered queries) is
 * RxDB's, unchanged.
 */
export function withPageReads<I, C>(storage: RxStorage<I, C>): RxStorage<I, C> {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const cursorQuery = instance.query.bind(instance);
      // Loaded here, as the store loads the Dexie storage: only IndexedDB builds need it.
      const helpers = import('rxdb/plugins/storage-dexie');
      instance.query = async (prepared) => {
        const p = prepared as unknown as PreparedQuery;
        const limit = p.query.limit;
        const state: unknown = await (instance as { internals?: unknown }).internals;
        if (!isDexie(state) || !p.queryPlan.sortSatisfiedByIndex || typeof limit !== 'number' || limit <= 0) return cursorQuery(prepared);
        const { getKeyRangeByQueryPlan, fromDexieToStorage, dexieReplaceIfStartsWithPipe, DEXIE_DOCS_TABLE_NAME } = await helpers;
        const skip = p.query.skip ?? 0;
        const wanted = skip + limit;
        let range: IDBKeyRange;
        try {
          range = getKeyRangeByQueryPlan(state.booleanIndexes, p.queryPlan as never, state.dexieDb._options.IDBKeyRange);
        } catch (err) {
          // As RxDB's own query: a range IndexedDB cannot express holds nothing.
          if ((err as { name?: string }).name === 'DataError') return { documents: [] };
          throw err;
        }
        const indexName = `[${p.queryPlan.index.map((f) => dexieReplaceIfStartsWithPipe(f)).join('+')}]`;
        let records: unknown[] = [];
        await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
          const request = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(range, wanted);
          records = await new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error ?? new Error('getAll failed'));
          });
        });
        let docs = records.map((r) => fromDexieToStorage(state.booleanIndexes, r as never));
        if (!p.queryPlan.selectorSatisfiedByIndex) {
          const matches = getQueryMatcher(params.schema as never, p.query as never);
          const kept = docs.filter((d) => matches(d as never));
          if (kept.length < docs.length && records.length === wanted) return cursorQuery(prepared);
          docs = kept;
        }
        return { documents: docs.slice(skip, wanted) as never };
      };
      return instance;
    },
  };
}
