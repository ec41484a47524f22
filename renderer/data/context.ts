import { createContext, useContext } from 'react';
import type { DataStore, WorkstationStore } from './store';

/** The signed-in user's open data store, or null while signed out or while it opens. */
export const DataContext = createContext<DataStore | null>(null);

/** The workstation (session, identity), or null while its database is still opening. */
export const WorkstationContext = createContext<WorkstationStore | null>(null);

export function useDataStore(): DataStore | null {
  return useContext(DataContext);
}

export function useWorkstationStore(): WorkstationStore | null {
  return useContext(WorkstationContext);
}
