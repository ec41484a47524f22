import { filter, firstValueFrom, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { liveServerForFile, waitFor } from './live-server-support';
import { bindCommands, type CreateComplaintInput } from '../../renderer/data/commands';
import { memoryPlatform } from '../../renderer/data/platform-port';
import { openDataStore, type DataStore } from '../../renderer/data/store';
import { memoryStorage, uniqueName, sampleIntake } from '../../renderer/data/test-support';

const live = liveServerForFile('hd-erase-');
const input: CreateComplaintInput = {
  ...sampleIntake,
  complainant: { name: '李保密', phone: '13722223333', address: '保密路8号', customerType: 'ordinary' },
  description: '保密的投诉经过',
};
const SECRETS = ['李保密', '13722223333', '保密路8号', '保密的投诉经过', '保密备注'];

async function client(username: string): Promise<DataStore> {
  const store = await openDataStore({
    platform: memoryPlatform(live.server.url),
    storage: memoryStorage(),
    databaseName: uniqueName('erase'),
    breachWatcher: false,
    verifierIterations: 1000,
    retryTimeMs: 200,
  });
  live.stores.push(store);
  expect(await store.session.signIn(username, 'demo1234')).toMatchObject({ ok: true });
  await firstValueFrom(store.sync.state$.pipe(filter((s) => s.lastSyncedAt !== null), timeout(15_000)));
  return store;
}

/** Every local event document of the complaint, as stored (payloads included). */
async function localEvents(store: DataStore, complaintId: string): Promise<string> {
  const docs = await store.db.events.find({ selector: { complaintId } }).exec();
  return JSON.stringify(docs.map((d) => d.toJSON()));
}

async function adminErases(complaintId: string): Promise<void> {
  const base = live.server.url;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${base}/api/admin/erasures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ complaintId, reason: '客户要求删除个人信息' }),
  });
  expect(res.status).toBe(201);
}

describe('a replica after the server erases a complaint', () => {
  it('replaces its stored copies with the scrubbed ones, on the writing workstation and on another', async () => {
    const writer = await client('agent.gz');
    const reader = await client('lead.gz');
    const created = await bindCommands(() => writer).createComplaint(input);
    if (!created.ok) throw new Error(`create failed: ${created.error}`);
    expect((await bindCommands(() => writer).addNote(created.complaintId, '保密备注')).ok).toBe(true);
    await writer.sync.controller.awaitInSync();
    // The other workstation holds the originals before the erasure.
    await waitFor(async () => (await localEvents(reader, created.complaintId)).includes('保密备注'), 'the reader to pull the complaint');

    await adminErases(created.complaintId);

    for (const store of [writer, reader]) {
      await waitFor(async () => {
        const text = await localEvents(store, created.complaintId);
        return text.includes('complaint.redacted') && SECRETS.every((s) => !text.includes(s));
      }, 'the scrubbed copies to replace the local ones');
      await store.projector.idle();
      const doc = await store.db.complaints.findOne(created.complaintId).exec();
      const text = JSON.stringify(doc?.toJSON());
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(doc?.toJSON().p.flags.redactedFields).toHaveLength(7);
    }
    // Nothing pending: the replicas took the server's version rather than pushing theirs back.
    expect((await writer.db.events.find({ selector: { status: 'pending' } }).exec()).length).toBe(0);
  }, 90_000);
});
