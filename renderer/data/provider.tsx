import { useEffect, useState, type ReactNode } from 'react';
import type { RxStorage } from 'rxdb';
import { DataContext } from './context';
import { openDataStore, type DataStore } from './store';
import type { DataPlatform } from './platform-port';
import { setActiveStore } from './active-store';

export interface DataProviderProps {
  children: ReactNode;
  /** The OS bridge; the app passes `platform` from renderer/platform. */
  platform: DataPlatform;
  /** Injected by tests; the app uses Dexie (IndexedDB). */
  storage?: RxStorage<unknown, unknown>;
  /** Local database name; one per workstation profile. */
  databaseName?: string;
}

/**
 * Opens the local database, restores the session and starts replication when
 * signed in. Children render at once: hooks show loading / defaults until the
 * store is open, and nothing waits for the first replication.
 */
export function DataProvider({ children, platform, storage, databaseName }: DataProviderProps) {
  const [store, setStore] = useState<DataStore | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: DataStore | null = null;
    openDataStore({ platform, storage, databaseName })
      .then((s) => {
        if (cancelled) {
          void s.close();
          return;
        }
        opened = s;
        setActiveStore(s);
        setStore(s);
      })
      .catch((err: unknown) => console.error('local database failed to open', err));
    return () => {
      cancelled = true;
      if (opened) {
        setActiveStore(null);
        void opened.close();
      }
    };
  }, [platform, storage, databaseName]);
  return <DataContext.Provider value={store}>{children}</DataContext.Provider>;
}
