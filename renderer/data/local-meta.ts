import type { LocalCollection } from './db';

/** Typed get/set over the workstation-local key-value collection. */
export interface LocalMeta {
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

export function localMeta(collection: LocalCollection): LocalMeta {
  return {
    async get<T>(key: string): Promise<T | null> {
      const doc = await collection.findOne(key).exec();
      return doc ? ((doc.toJSON().value as T | undefined) ?? null) : null;
    },
    async set<T>(key: string, value: T): Promise<void> {
      await collection.upsert({ key, value });
    },
    async remove(key: string): Promise<void> {
      const doc = await collection.findOne(key).exec();
      if (doc) await doc.remove();
    },
  };
}
