import { createContext, useContext } from 'react';
import type { DataStore } from './store';

/** The open data store, or null while the local database is still opening. */
export const DataContext = createContext<DataStore | null>(null);

export function useDataStore(): DataStore | null {
  return useContext(DataContext);
}
