import type { DataStore } from './store';

/**
 * The store commands write to when called from UI event handlers. The
 * provider sets it; tests bind commands to a store of their own instead.
 */
let active: DataStore | null = null;

export function setActiveStore(store: DataStore | null): void {
  active = store;
}

export function getActiveStore(): DataStore | null {
  return active;
}
