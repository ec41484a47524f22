import { afterEach, describe, expect, it } from 'vitest';
import { breachEventId } from '../../shared/ids/breach-id';
import { bindCommands } from './commands';
import { createBreachWatcher } from './breach-watcher';
import type { DataStore } from './store';
import { openLocalStore, testUsers, sampleIntake } from './test-support';
let store: DataStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('breach watcher', () => {
  it('writes one breach escalation per breached clock, with the id every replica derives', async () => {
    let now = Date.parse('2026-11-23T02:00:00.000Z');
    store = await openLocalStore(testUsers.agent, { now: () => now });
    const s = store;
    const created = await bindCommands(() => s).createComplaint(sampleIntake);
    if (!created.ok) throw new Error(created.error);
    const watcher = createBreachWatcher(s, 3_600_000);
    try {
      expect(await watcher.check()).toBe(0);
      now += 3 * 86_400_000;
      const written = await watcher.check();
      expect(written).toBeGreaterThan(0);
      const doc = (await s.db.complaints.findOne(created.complaintId).exec())!.toJSON(true).p;
      const breaches = doc.escalations.filter((e) => e.reason === 'breach');
      expect(breaches).toHaveLength(written);
      for (const b of breaches) expect(b.eventId).toBe(breachEventId(created.complaintId, b.clock!));
      expect(doc.escalationLevel).toBeGreaterThan(0);
      expect(await watcher.check()).toBe(0);
    } finally {
      watcher.stop();
    }
  });
});
