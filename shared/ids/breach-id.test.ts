import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breachEventId } from './breach-id';
import { eventEnvelopeSchema } from '../events/envelope';

describe('breachEventId', () => {
  it('is deterministic and names the clock', () => {
    const id = breachEventId('0193a1b2-0000-7000-8000-000000000001', 'handling');
    expect(id).toBe(breachEventId('0193a1b2-0000-7000-8000-000000000001', 'handling'));
    expect(id).toMatch(/^breach-handling-[0-9a-f]{32}$/);
  });

  it('differs per complaint and per clock, including shifted boundaries', () => {
    const ids = new Set([
      breachEventId('c-1', 'handling'),
      breachEventId('c-2', 'handling'),
      breachEventId('c-1', 'callback'),
      breachEventId('ab', 'c'),
      breachEventId('a', 'bc'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('is always a valid event id of at most 64 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.string({ maxLength: 200 }), (complaintId, clock) => {
        const id = breachEventId(complaintId, clock);
        expect(id.length).toBeLessThanOrEqual(64);
        expect(eventEnvelopeSchema.shape.id.safeParse(id).success).toBe(true);
      }),
    );
  });
});
