import { afterEach } from 'vitest';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import type { CreateComplaintInput } from './commands/create';
import type { EventType } from '../../shared/events/catalogue';
import { makeEvent } from '../../shared/events/make-event';
import { formatHlc } from '../../shared/hlc/hlc';
import { fold } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { fromStoredEvent } from './projection/event-conversion';
import type { EventDoc } from './schema/events-schema';
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

/** What an agent types at intake for the sample complaint (the number and time of receipt are the command's). */
export const sampleIntake: CreateComplaintInput = (() => {
  const { number: _n, receivedAt: _r, ...intake } = samplePayloads['complaint.created'];
  return intake;
})();

/** Stores a test opened, closed after each test: push every store opened. */
export function closedAfterEach(): DataStore[] {
  const stores: DataStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  return stores;
}

/**
 * Event `i` of a complaint as the local store keeps it: written by the gz
 * supervisor at `wallMs`, with the sample payload of its type unless given.
 */
export function storedEventDoc(o: { i: number; type: EventType; complaintId: string; wallMs: number; payload?: unknown }): EventDoc {
  const { _deleted, ...doc } = fromStoredEvent(
    makeEvent({
      id: `e-${o.complaintId}-${o.i}`,
      type: o.type,
      complaintId: o.complaintId,
      actorId: testUsers.supervisor.id,
      branchId: 'gz',
      payload: (o.payload ?? samplePayloads[o.type]) as never,
      hlc: formatHlc({ wallMs: o.wallMs, counter: 0, node: 'a1b2c3d4e5f60718' }),
      occurredAt: new Date(o.wallMs).toISOString(),
    }),
  );
  void _deleted;
  return doc as EventDoc;
}

/** One complaint folded from the sample creation event with the store's policy: the template the queue tests copy into many rows. */
export function seedProjection(store: DataStore): ComplaintProjection {
  const ref = store.referenceStore.current();
  const created = makeEvent({
    id: 'seed',
    type: 'complaint.created',
    complaintId: 'seed',
    actorId: testUsers.agent.id,
    branchId: 'gz',
    payload: samplePayloads['complaint.created'],
    hlc: formatHlc({ wallMs: Date.parse('2026-11-23T02:00:00Z'), counter: 0, node: '0123456789abcdef' }),
    occurredAt: '2026-11-23T02:00:00.000Z',
  });
  return fold([created], { policy: ref.policy, calendar: ref.calendar })!;
}
