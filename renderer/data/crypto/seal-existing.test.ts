import { afterEach, describe, expect, it } from 'vitest';
import { getChangedDocumentsSince } from 'rxdb';
import { bindCommands } from '../commands';
import { isRepeatLocally } from '../commands/create';
import { openDatabase } from '../db';
import { memoryPlatform, type DataPlatform } from '../platform-port';
import { toComplaintDoc } from '../projection/complaint-doc';
import { memoryStorage, openLocalStore, sampleIntake, seedProjection, testUsers, uniqueName } from '../test-support';
import { userDatabaseName } from '../user-database-name';
import type { DataStore } from '../store';
import { isSealed } from './envelope';
import { SEALED_KEY } from './seal-existing';

let stores: DataStore[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const PHONE = '13712345670';
const NAME = '司马相如';

async function rawDocs(storage: ReturnType<typeof memoryStorage>, databaseName: string) {
  const raw = await openDatabase({ name: await userDatabaseName(databaseName, testUsers.agent.id), storage });
  try {
    // Below RxDB, deleted documents included, sorted by id.
    const of = async (c: 'events' | 'complaints' | 'search') =>
      ((await getChangedDocumentsSince(raw.collections[c].storageInstance as never, 10_000)).documents as unknown as Record<string, unknown>[]).sort((a, b) =>
        String(a.id).localeCompare(String(b.id)),
      );
    return { events: await of('events'), complaints: await of('complaints'), search: await of('search') };
  } finally {
    await raw.close();
  }
}

describe('upgrading a clear replica', () => {
  it('seals every stored event and complaint (removed ones too), rekeys the phone lookup and the search index, and loses nothing', async () => {
    const storage = memoryStorage();
    const databaseName = uniqueName('upgrade');
    const base = memoryPlatform('http://127.0.0.1:9');
    const withoutKey: DataPlatform = { ...base, getDataKey: () => Promise.resolve({ kind: 'none', reason: 'no-keychain' }) };

    const clear = await openLocalStore(testUsers.agent, { storage, databaseName, platform: withoutKey });
    stores.push(clear);
    expect(clear.atRest).toEqual({ kind: 'clear', reason: 'no-keychain' });
    const commands = bindCommands(() => clear);
    const created = await commands.createComplaint({ ...sampleIntake, complainant: { name: NAME, phone: PHONE, customerType: 'ordinary' } });
    if (!created.ok) throw new Error(created.error);
    await commands.addNote(created.complaintId, `${NAME}来电`);
    // A complaint document removed since: its tombstone still holds the projection.
    const gone = { ...seedProjection(clear), id: 'gone', number: 'GZ-20261123-9999' };
    await clear.db.complaints.insert(toComplaintDoc({ ...gone, complainant: { name: NAME, phone: PHONE, customerType: 'ordinary' } }));
    await clear.db.complaints.findOne('gone').remove();
    await clear.projector.idle();
    await clear.search.idle();
    const eventsBefore = (await clear.db.events.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
    const projectionBefore = (await clear.db.complaints.findOne(created.complaintId).exec())!.toJSON().p;
    await clear.close();
    stores = [];
    const before = await rawDocs(storage, databaseName);
    expect(JSON.stringify(before)).toContain(PHONE);

    const keyed = await openLocalStore(testUsers.agent, { storage, databaseName, platform: base });
    stores.push(keyed);
    expect(keyed.atRest.kind).toBe('encrypted');
    await keyed.projector.idle();
    await keyed.search.idle();
    expect((await keyed.db.events.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON())).toEqual(eventsBefore);
    expect((await keyed.db.complaints.findOne(created.complaintId).exec())!.toJSON().p).toEqual(projectionBefore);
    expect(await keyed.db.events.count({ selector: { status: 'pending' } }).exec()).toBe(2);
    expect(await keyed.search.search(NAME, 10)).toEqual([created.complaintId]);
    expect(await keyed.search.search(PHONE.slice(-5), 10)).toEqual([created.complaintId]);
    expect(await isRepeatLocally(keyed, PHONE, sampleIntake.category, keyed.now())).toBe(true);
    expect(await keyed.userMeta.get(SEALED_KEY)).toBe(true);
    await keyed.close();
    stores = [];

    const after = await rawDocs(storage, databaseName);
    expect(after.events.length).toBe(before.events.length);
    expect(after.events.every((d) => isSealed(d.payload))).toBe(true);
    expect(after.complaints.map((d) => [d.id, d._deleted, isSealed(d.p)])).toEqual([
      [created.complaintId, false, true],
      ['gone', true, true],
    ]);
    const onDisk = JSON.stringify(after);
    for (const clearText of [PHONE, '2345670', NAME, '司马', '相如']) expect(onDisk, clearText).not.toContain(clearText);
  });
});
