import { afterEach, describe, expect, it } from 'vitest';
import { samplePayloads } from '../../../shared/test-support/sample-payloads';
import { bindCommands } from '../commands';
import type { DataStore } from '../store';
import { openLocalStore, testUsers } from '../test-support';
import { isSearchable } from './haystack';
import { BUILD_BATCH } from './search-index';

let store: DataStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const { number: _n, receivedAt: _r, ...intake } = samplePayloads['complaint.created'];

describe('search index', () => {
  it('finds by number, 4+ phone digits, name and 2+ Chinese characters, and follows new complaints', async () => {
    store = await openLocalStore(testUsers.agent);
    const s = store;
    const commands = bindCommands(() => s);
    const first = await commands.createComplaint({ ...intake, complainant: { ...intake.complainant, name: '王小明', phone: '138-0013-8000' } });
    if (!first.ok) throw new Error(first.error);
    expect(await s.search.search('王小明', 10)).toEqual([first.complaintId]);
    expect(await s.search.search('0013 8', 10)).toEqual([first.complaintId]);
    expect(await s.search.search('态度冷淡', 10)).toEqual([first.complaintId]);
    expect(await s.search.search(first.number.toLowerCase(), 10)).toEqual([first.complaintId]);
    expect(await s.search.search('发票', 10)).toEqual([]);

    const second = await commands.createComplaint({ ...intake, description: '发票开错了' });
    if (!second.ok) throw new Error(second.error);
    expect(await s.search.search('发票', 10)).toEqual([second.complaintId]);
  });

  it('builds from every stored complaint, more than one read batch of them, and leaves deleted ones out', async () => {
    store = await openLocalStore(testUsers.agent);
    const s = store;
    const created = await bindCommands(() => s).createComplaint(intake);
    if (!created.ok) throw new Error(created.error);
    const doc = (await s.db.complaints.findOne(created.complaintId).exec())!.toMutableJSON();
    const copies = Array.from({ length: BUILD_BATCH + 10 }, (_, i) => {
      const id = `copy-${String(i).padStart(5, '0')}`;
      return { ...doc, id, p: { ...doc.p, id, description: i === BUILD_BATCH + 5 ? '最后一批里的发票' : doc.p.description } };
    });
    await s.db.complaints.bulkInsert(copies);
    await s.db.complaints.findOne('copy-00003').remove();

    expect(await s.search.search('发票', 10)).toEqual([`copy-${String(BUILD_BATCH + 5).padStart(5, '0')}`]);
    expect(s.search.size()).toBe(await s.db.complaints.count().exec());
    expect(await s.search.search('态度冷淡', 5000)).not.toContain('copy-00003');
  });

  it('ignores queries too short to mean anything', () => {
    expect(isSearchable('王')).toBe(false);
    expect(isSearchable('138')).toBe(false);
    expect(isSearchable('1380')).toBe(true);
    expect(isSearchable('王明')).toBe(true);
  });
});
