import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { openDataStore, type DataStore, type OpenDataStoreOptions } from './store';
import { memoryPlatform } from './platform-port';
import type { SessionUser } from './types';

let counter = 0;

/** A database name no other test uses (RxDB keeps storage-memory instances per name). */
export function uniqueName(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export function memoryStorage(): RxStorage<unknown, unknown> {
  return getRxStorageMemory() as RxStorage<unknown, unknown>;
}

export const testUsers = {
  agent: { id: 'u-agent-gz', username: 'agent.gz', displayName: 'Agent GZ', role: 'agent', branchId: 'gz', teamId: 't-gz-1' },
  lead: { id: 'u-lead-gz', username: 'lead.gz', displayName: 'Lead GZ', role: 'team_lead', branchId: 'gz', teamId: 't-gz-1' },
  officer: { id: 'u-officer-gz', username: 'officer.gz', displayName: 'Officer GZ', role: 'complaint_officer', branchId: 'gz', teamId: null },
  supervisor: { id: 'u-sup-gz', username: 'supervisor.gz', displayName: 'Supervisor GZ', role: 'supervisor', branchId: 'gz', teamId: null },
} satisfies Record<string, SessionUser>;

/**
 * A store on storage-memory with no server behind it (the URL refuses
 * connections), holding `user`'s session as a restart restores one whose
 * token is gone: the user works locally, sync waits for a sign-in.
 */
export async function openLocalStore(user: SessionUser | null, options: Partial<OpenDataStoreOptions> = {}): Promise<DataStore> {
  const store = await openDataStore({
    platform: memoryPlatform('http://127.0.0.1:9'),
    storage: memoryStorage(),
    databaseName: uniqueName(),
    breachWatcher: false,
    verifierIterations: 1000,
    ...options,
  });
  if (user) {
    await store.meta.set('session.current', { user, offline: true });
    await store.session.restore();
  }
  return store;
}
