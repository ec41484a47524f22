import { describe, expect, it } from 'vitest';
import { compareEvents, envelopeOnly, preferredCopy } from './order';
import type { EventEnvelope } from '../events/envelope';
import { ERASED_TEXT } from '../erasure/markers';

const base: EventEnvelope = {
  id: 'b',
  complaintId: 'c',
  type: 'note.added',
  actorId: 'u',
  branchId: 'gz',
  hlc: '2026-11-23T03:01:09.123Z-0000-0000000000000001',
  occurredAt: '2026-11-23T11:01:09.123+08:00',
  payload: { text: 'x' },
  v: 1,
  _deleted: false,
};

describe('event order', () => {
  it('orders by HLC, then by id', () => {
    const later = { ...base, hlc: '2026-11-23T03:01:09.123Z-0001-0000000000000000' };
    expect(compareEvents(base, later)).toBeLessThan(0);
    expect(compareEvents({ ...base, id: 'a' }, base)).toBeLessThan(0);
    expect(compareEvents(base, { ...base })).toBe(0);
  });

  it('strips server fields and storage metadata', () => {
    const stored = { ...base, seq: 9, receivedAt: 'x', status: 'accepted', _meta: { lwt: 1 } } as EventEnvelope;
    expect(envelopeOnly(stored)).toEqual(base);
  });

  it('picks the same copy of a conflicting id in either order', () => {
    const other = { ...base, payload: { text: 'y' } };
    expect(preferredCopy(base, other)).toBe(preferredCopy(other, base));
  });

  it('prefers the erased copy of an event over its original, in either order', () => {
    // '0…' sorts before the marker, so without the erasure rule the original would win.
    const original = { ...base, payload: { text: '0 客户电话 13800138000' } };
    const erased = { ...base, payload: { text: ERASED_TEXT } };
    expect(preferredCopy(original, erased)).toBe(erased);
    expect(preferredCopy(erased, original)).toBe(erased);
  });
});
