import { useEffect, useState, type ReactNode } from 'react';
import type { RxStorage } from 'rxdb';
import { DataContext, WorkstationContext } from './context';
import { openWorkstationStore, type DataStore, type WorkstationStore } from './store';
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
 * Opens the workstation's database and restores the session; the signed-in
 * user's own database opens behind it and is swapped on sign-in and sign-out.
 * Children render at once: hooks show loading / defaults until a store is
 * open, and nothing waits for the first replication.
 */
export function DataProvider({ children, platform, storage, databaseName }: DataProviderProps) {
  const [workstation, setWorkstation] = useState<WorkstationStore | null>(null);
  const [store, setStore] = useState<DataStore | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: WorkstationStore | null = null;
    let unsubscribe: () => void = () => undefined;
    openWorkstationStore({ platform, storage, databaseName })
      .then((ws) => {
        if (cancelled) {
          void ws.close();
          return;
        }
        opened = ws;
        const sub = ws.store$.subscribe((s) => {
          setActiveStore(s);
          setStore(s);
        });
        unsubscribe = () => sub.unsubscribe();
        setWorkstation(ws);
      })
      .catch((err: unknown) => console.error('local database failed to open', err));
    return () => {
      cancelled = true;
      unsubscribe();
      if (opened) {
        setActiveStore(null);
        void opened.close();
      }
    };
  }, [platform, storage, databaseName]);
  return (
    <WorkstationContext.Provider value={workstation}>
      <DataContext.Provider value={store}>{children}</DataContext.Provider>
    </WorkstationContext.Provider>
  );
}
