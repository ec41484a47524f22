import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../shared/events/envelope';
import type { PendingEvent } from '../types/sync';
import { outboxRows, RECENTLY_CONFIRMED } from './outbox-rows';

const hub = { connected: true, lastSyncAt: null, pendingUp: 2, confirmedThrough: 10 };
const ev = (id: string, hlc: string, seq?: number): PendingEvent => ({
  event: { id, hlc, complaintId: 'c1', type: 'note.added', ...(seq === undefined ? {} : { seq }) } as StoredEvent,
  complaintNumber: 'TS-1',
});

describe('outboxRows', () => {
  it('without a hub lists only what the server has not acknowledged', () => {
    const rows = outboxRows([ev('p', 'h5')], [ev('a', 'h1', 3)], null);
    expect(rows.map((r) => [r.event.id, r.sync])).toEqual([['p', 'pending']]);
  });

  it('behind a hub marks each own event saved here, at the hub, or confirmed by central, as the hub says', () => {
    const rows = outboxRows([ev('p', 'h9')], [ev('late', 'h8', 12), ev('edge', 'h7', 10), ev('old', 'h2', 4), ev('noseq', 'h6')], hub);
    expect(rows.map((r) => [r.event.id, r.sync])).toEqual([
      ['p', 'pending'],
      ['noseq', 'at_hub'],
      ['late', 'at_hub'],
      ['edge', 'central'],
      ['old', 'central'],
    ]);
  });

  it('keeps every waiting event but only the latest confirmed ones', () => {
    const confirmed = Array.from({ length: RECENTLY_CONFIRMED + 5 }, (_, i) => ev(`c${i}`, `h${String(i).padStart(3, '0')}`, 1));
    const rows = outboxRows([], [...confirmed, ev('w', 'h000', 11)], hub);
    expect(rows.filter((r) => r.sync === 'central')).toHaveLength(RECENTLY_CONFIRMED);
    expect(rows[0]?.event.id).toBe('w');
    expect(rows[1]?.event.id).toBe(`c${RECENTLY_CONFIRMED + 4}`);
  });
});
