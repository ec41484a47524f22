import { describe, expect, it } from 'vitest';
import { makeEvent } from './make-event';
import { validateEvent } from './validate';
import { EVENT_SCHEMA_VERSION } from './catalogue';

describe('makeEvent', () => {
  it('builds a valid envelope with the current version and _deleted false', () => {
    const event = makeEvent({
      id: 'e-1',
      type: 'complaint.assigned',
      complaintId: 'c-1',
      actorId: 'u-lead',
      branchId: 'gz',
      payload: { assigneeId: 'u-officer' },
      hlc: '2026-11-23T03:01:09.123Z-0001-0000000000000001',
      occurredAt: '2026-11-23T11:01:09.123+08:00',
    });
    expect(event.v).toBe(EVENT_SCHEMA_VERSION);
    expect(event._deleted).toBe(false);
    expect(event.payload.assigneeId).toBe('u-officer');
    expect(validateEvent(event)).toEqual({ ok: true, event });
  });
});
