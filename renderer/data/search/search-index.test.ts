import { afterEach, describe, expect, it } from 'vitest';
import { scrubPayload } from '../../../shared/erasure/scrub';
import { bindCommands } from '../commands';
import type { DataStore } from '../store';
import { openLocalStore, testUsers, sampleIntake } from '../test-support';
import { isSearchable } from './haystack';
import { BUILD_BATCH, createSearchIndex, INDEX_VERSION_KEY, type SearchIndex } from './search-index';
import type { EventDoc } from '../schema/events-schema';

let store: DataStore | null = null;
const extra: SearchIndex[] = [];
afterEach(async () => {
  for (const i of extra.splice(0)) {
    await i.idle();
    i.stop();
  }
  await store?.close();
  store = null;
});

/** Another index on the same collections, as the next opening of the app makes. */
function reopen(s: DataStore, codec = s.search.codec): SearchIndex {
  const index = createSearchIndex({ buckets: s.db.search, complaints: s.db.complaints, meta: s.userMeta, codec });
  extra.push(index);
  return index;
}

async function copiesOf(s: DataStore, complaintId: string, count: number, description: (i: number) => string) {
  const doc = (await s.db.complaints.findOne(complaintId).exec())!.toMutableJSON();
  return Array.from({ length: count }, (_, i) => {
    const id = `copy-${String(i).padStart(5, '0')}`;
    return { ...doc, id, p: { ...doc.p, id, description: description(i) } };
  });
}

/** An agent's store holding one sample complaint, projected and indexed. */
async function indexedComplaint() {
  store = await openLocalStore(testUsers.agent);
  const s = store;
  const created = await bindCommands(() => s).createComplaint(sampleIntake);
  if (!created.ok) throw new Error(created.error);
  await s.projector.idle();
  await s.search.idle();
  return { s, created };
}

describe('search index', () => {
  it('finds by number (with or without dashes), 4+ phone digits, name and 2+ Chinese characters, and follows new complaints', async () => {
    store = await openLocalStore(testUsers.agent);
    const s = store;
    const commands = bindCommands(() => s);
    const first = await commands.createComplaint({ ...sampleIntake, complainant: { ...sampleIntake.complainant, name: '王小明', phone: '138-0013-8000' } });
    if (!first.ok) throw new Error(first.error);
    expect(await s.search.search('王小明', 10)).toEqual([first.complaintId]);
    expect(await s.search.search('0013 8', 10)).toEqual([first.complaintId]);
    expect(await s.search.search('态度冷淡', 10)).toEqual([first.complaintId]);
    expect(await s.search.search(first.number.toLowerCase(), 10)).toEqual([first.complaintId]);
    expect(await s.search.search(first.number.replace(/-/g, ''), 10)).toEqual([first.complaintId]);
    expect(await s.search.search('发票', 10)).toEqual([]);

    const second = await commands.createComplaint({ ...sampleIntake, description: '发票开错了' });
    if (!second.ok) throw new Error(second.error);
    expect(await s.search.search('发票', 10)).toEqual([second.complaintId]);
  });

  it('persists with the replica: the next opening loads it instead of reading every complaint', async () => {
    const { s, created } = await indexedComplaint();
    // Written behind the projector's back: only a rebuild from the complaints would see it.
    await s.db.complaints.bulkInsert(await copiesOf(s, created.complaintId, 1, () => '发票开错了'));

    const next = reopen(s);
    const builds: unknown[] = [];
    const sub = next.building$.subscribe((b) => builds.push(b));
    expect(await next.search('态度冷淡', 10)).toEqual([created.complaintId]);
    expect(await next.search('发票', 10)).toEqual([]);
    sub.unsubscribe();
    expect(builds).toEqual([null]);
  });

  it('is rebuilt from every stored complaint, with progress, when missing or of another version', async () => {
    const { s, created } = await indexedComplaint();
    const copies = await copiesOf(s, created.complaintId, BUILD_BATCH + 10, (i) => (i === BUILD_BATCH + 5 ? '最后一批里的发票' : '态度冷淡'));
    await s.db.complaints.bulkInsert(copies);
    await s.db.complaints.findOne('copy-00003').remove();

    const next = reopen(s, { ...s.search.codec, version: s.search.codec.version + 1 });
    const progress: ({ done: number; total: number } | null)[] = [];
    const sub = next.building$.subscribe((b) => progress.push(b));
    expect(await next.search('发票', 10)).toEqual([`copy-${String(BUILD_BATCH + 5).padStart(5, '0')}`]);
    sub.unsubscribe();
    expect(next.size()).toBe(await s.db.complaints.count().exec());
    expect(await next.search('态度冷淡', 5000)).not.toContain('copy-00003');
    const total = BUILD_BATCH + 10; // the original and the copies, one removed
    expect(progress[0]).toBeNull();
    expect(progress).toContainEqual({ done: 0, total });
    expect(progress).toContainEqual({ done: total, total });
    expect(progress.at(-1)).toBeNull();
    expect(await s.userMeta.get(INDEX_VERSION_KEY)).toBe(s.search.codec.version + 1);

    // The rebuilt index is what the following opening loads.
    await next.idle();
    const third = reopen(s, { ...s.search.codec, version: s.search.codec.version + 1 });
    expect(await third.search('发票', 10)).toEqual([`copy-${String(BUILD_BATCH + 5).padStart(5, '0')}`]);
  });

  it('holds its writes through a bulk load: searchable at once, written once on release, rebuilt after a crash meanwhile', async () => {
    const { s, created } = await indexedComplaint();
    await s.search.hold();
    const commands = bindCommands(() => s);
    const during = await commands.createComplaint({ ...sampleIntake, description: '发票开错了' });
    if (!during.ok) throw new Error(during.error);
    await s.projector.idle();
    await s.search.idle();
    // In memory at once, not yet stored: the stored buckets still lack it, and the index is marked incomplete.
    expect(await s.search.search('发票', 10)).toEqual([during.complaintId]);
    expect(JSON.stringify((await s.db.search.find().exec()).map((d) => d.toJSON()))).not.toContain(during.complaintId);
    expect(await s.userMeta.get(INDEX_VERSION_KEY)).toBeNull();

    // A crash now: the next opening finds no complete index and rebuilds it from the complaints.
    const crashed = reopen(s);
    const builds: unknown[] = [];
    const sub = crashed.building$.subscribe((b) => builds.push(b));
    expect(await crashed.search('发票', 10)).toEqual([during.complaintId]);
    sub.unsubscribe();
    expect(builds).toContainEqual({ done: 2, total: 2 });
    await crashed.idle();
    await s.userMeta.remove(INDEX_VERSION_KEY); // the held index is still incomplete

    await s.search.release();
    expect(await s.userMeta.get(INDEX_VERSION_KEY)).toBe(s.search.codec.version);
    const next = reopen(s);
    const loads: unknown[] = [];
    const sub2 = next.building$.subscribe((b) => loads.push(b));
    expect(await next.search('发票', 10)).toEqual([during.complaintId]);
    expect(await next.search('态度冷淡', 10)).toContain(created.complaintId);
    sub2.unsubscribe();
    expect(loads).toEqual([null]);
  });

  it('loses the erased personal data when a scrubbed copy of the events arrives, in memory and in storage', async () => {
    store = await openLocalStore(testUsers.agent);
    const s = store;
    const created = await bindCommands(() => s).createComplaint({
      ...sampleIntake,
      complainant: { ...sampleIntake.complainant, name: '欧阳娜娜', phone: '13912345678' },
    });
    if (!created.ok) throw new Error(created.error);
    await s.projector.idle();
    expect(await s.search.search('欧阳娜娜', 10)).toEqual([created.complaintId]);
    expect(await s.search.search('12345678', 10)).toEqual([created.complaintId]);

    const event = (await s.db.events.findOne({ selector: { complaintId: created.complaintId, type: 'complaint.created' } }).exec())!;
    const doc = event.toMutableJSON() as EventDoc;
    const payload = scrubPayload(doc.type, doc.payload as Record<string, unknown>, new Set(['complainant.name', 'complainant.phone']));
    await s.db.events.upsert({ ...doc, payload });
    await s.projector.idle();
    await s.search.idle();

    expect(await s.search.search('欧阳娜娜', 10)).toEqual([]);
    expect(await s.search.search('12345678', 10)).toEqual([]);
    expect(await s.search.search('态度冷淡', 10)).toEqual([created.complaintId]);
    const stored = JSON.stringify((await s.db.search.find().exec()).map((d) => d.toJSON()));
    expect(stored).not.toContain('欧阳娜娜');
    expect(stored).not.toContain('12345678');
    expect(await reopen(s).search('欧阳娜娜', 10)).toEqual([]);
  });

  it('ignores queries too short to mean anything', () => {
    expect(isSearchable('王')).toBe(false);
    expect(isSearchable('138')).toBe(false);
    expect(isSearchable('1380')).toBe(true);
    expect(isSearchable('王明')).toBe(true);
  });
});
