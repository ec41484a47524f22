import { breachEventId } from '../../shared/ids/breach-id';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { breachEscalationTarget } from '../../shared/rules/escalation-ladder';
import { canWrite, inScope } from '../../shared/rules/permissions';
import { breachedClocks } from '../../shared/deadlines/running-clocks';
import { commandUser, writeEvent } from './commands/write';
import type { DataStore } from './store';

export interface BreachWatcher {
  /** One pass now; resolves with the number of escalations written. */
  check(): Promise<number>;
  stop(): void;
}

const BATCH = 200;

/**
 * Writes the breach escalation for complaints whose clock passed while this
 * workstation holds them, offline too. The id is derived from complaint and
 * clock, exactly as the server derives it, so every replica's copy folds to
 * one event.
 */
export function createBreachWatcher(store: DataStore, intervalMs = 60_000): BreachWatcher {
  let running: Promise<number> | null = null;

  async function pass(): Promise<number> {
    const user = commandUser(store);
    if (!user || !canWrite(user.role, 'complaint.escalated')) return 0;
    const now = new Date(store.now()).toISOString();
    const docs = await store.db.complaints.find({ selector: { nextDue: { $lte: now } }, sort: [{ nextDue: 'asc' }], limit: BATCH }).exec();
    let written = 0;
    for (const doc of docs) {
      let p = doc.toJSON(true).p as ComplaintProjection;
      if (!inScope(user, p.branchId)) continue;
      for (const clock of breachedClocks(p, new Date(store.now()).toISOString())) {
        const id = breachEventId(p.id, clock);
        // Already written here (maybe pending or refused): never write it twice.
        if (await store.db.events.findOne(id).exec()) continue;
        const result = await writeEvent(store, user, 'complaint.escalated', p.id, p.branchId, {
          fromLevel: p.escalationLevel,
          toLevel: breachEscalationTarget(p.escalationLevel),
          reason: 'breach',
          clock,
        }, { id });
        if (result.ok) {
          written += 1;
          const fresh = await store.db.complaints.findOne(p.id).exec();
          if (fresh) p = fresh.toJSON(true).p as ComplaintProjection;
        }
      }
    }
    return written;
  }

  const check = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void check().catch((err: unknown) => console.error('breach check failed', err)), intervalMs);
  return {
    check,
    stop: () => clearInterval(timer),
  };
}
