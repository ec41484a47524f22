import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { openWorkstationStore, type DataStore, type OpenDataStoreOptions, type WorkstationStore } from './store';
import { memoryPlatform } from './platform-port';
import type { SessionUser } from './types/session';

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

/** Signs `username` in (password demo1234 unless given) and answers that user's open store. */
export async function signInStore(ws: WorkstationStore, username: string, password = 'demo1234'): Promise<DataStore> {
  const result = await ws.session.signIn(username, password);
  if (!result.ok) throw new Error(`sign-in of ${username} failed: ${result.error}`);
  const store = await ws.settled();
  if (!store || store.user.username !== username) throw new Error(`no store for ${username} after sign-in`);
  return store;
}

/** A workstation on storage-memory with no server behind it unless the options name one. */
export function openTestWorkstation(options: Partial<OpenDataStoreOptions> = {}): Promise<WorkstationStore> {
  return openWorkstationStore({
    platform: memoryPlatform('http://127.0.0.1:9'),
    storage: memoryStorage(),
    databaseName: uniqueName(),
    breachWatcher: false,
    verifierIterations: 1000,
    ...options,
  });
}

/**
 * `user`'s store on storage-memory with no server behind it (the URL refuses
 * connections), holding the session as a restart restores one whose token is
 * gone: the user works locally, sync waits for a sign-in. Closing it closes
 * the workstation too.
 */
export async function openLocalStore(user: SessionUser, options: Partial<OpenDataStoreOptions> = {}): Promise<DataStore> {
  const ws = await openTestWorkstation(options);
  await ws.meta.set('session.current', { user, offline: true });
  await ws.session.restore();
  const store = await ws.settled();
  if (!store) throw new Error('no store after restoring the session');
  return { ...store, close: () => ws.close() };
}
