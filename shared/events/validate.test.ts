import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateEvent } from './validate';
import { makeEvent } from './make-event';
import { samplePayloads } from '../test-support/sample-payloads';
import { EVENT_TYPES } from './catalogue';

function sample(type: (typeof EVENT_TYPES)[number]) {
  return makeEvent({
    id: '0193a1b2-0000-7000-8000-000000000001',
    type,
    complaintId: 'c-1',
    actorId: 'u-agent',
    branchId: 'gz',
    payload: samplePayloads[type],
    hlc: '2026-11-23T03:01:09.123Z-0000-9f86d081884c7d65',
    occurredAt: '2026-11-23T11:01:09.123+08:00',
  });
}

describe('validateEvent', () => {
  it.each(EVENT_TYPES)('accepts a well-formed %s', (type) => {
    const result = validateEvent(JSON.parse(JSON.stringify(sample(type))));
    expect(result).toEqual({ ok: true, event: sample(type) });
  });

  it('reports an unknown type as unknown_type', () => {
    const result = validateEvent({ ...sample('note.added'), type: 'note.deleted' });
    expect(result).toMatchObject({ ok: false, reason: { code: 'unknown_type' } });
    if (!result.ok) expect(result.reason.message).toContain('note.deleted');
  });

  it('reports a bad payload as schema with the path of the field', () => {
    const bad = { ...sample('complaint.created'), payload: { ...samplePayloads['complaint.created'], grade: 7 } };
    const result = validateEvent(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.code).toBe('schema');
      expect(result.reason.message).toContain('payload.grade');
    }
  });

  it('reports a bad envelope as schema', () => {
    for (const broken of [
      { ...sample('note.added'), hlc: 'yesterday' },
      { ...sample('note.added'), _deleted: true },
      { ...sample('note.added'), id: 'x'.repeat(65) },
      { ...sample('note.added'), payload: [] },
      { ...sample('note.added'), v: 2 },
      null,
      'event',
      [sample('note.added')],
      42,
    ]) {
      const result = validateEvent(broken);
      expect(result).toMatchObject({ ok: false, reason: { code: 'schema' } });
    }
  });

  it('survives hostile input: deep nesting, huge strings, throwing getters', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const deepEvent = { ...sample('note.added'), payload: { text: deep } };
    expect(validateEvent(deepEvent).ok).toBe(false);
    expect(validateEvent({ ...sample('note.added'), payload: deep }).ok).toBe(false);

    const huge = 'x'.repeat(5_000_000);
    const hugeResult = validateEvent({ ...sample('note.added'), payload: { text: huge } });
    expect(hugeResult.ok).toBe(false);
    const hugeKey = validateEvent({ ...sample('note.added'), payload: { text: 't', [huge]: 1 } });
    expect(hugeKey.ok).toBe(false);
    if (!hugeKey.ok) expect(hugeKey.reason.message.length).toBeLessThanOrEqual(400);

    const trap = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateEvent(trap)).toMatchObject({ ok: false, reason: { code: 'schema' } });
  });

  it('never throws on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateEvent(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), fc.jsonValue(), (type, payload) => {
        const result = validateEvent({ ...sample(type), payload });
        if (!result.ok) expect(typeof result.reason.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
