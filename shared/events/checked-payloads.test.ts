import { describe, expect, it } from 'vitest';
import { checkPayload, freezeValidPayload } from './checked-payloads';
import { EVENT_TYPES, payloadSchemas } from './catalogue';
import { samplePayloads } from '../test-support/sample-payloads';
import { validateEvent } from './validate';
import { makeEvent } from './make-event';

function raw(type: (typeof EVENT_TYPES)[number], payload: unknown = samplePayloads[type]) {
  return JSON.parse(
    JSON.stringify(
      makeEvent({
        id: 'e-1',
        type,
        complaintId: 'c-1',
        actorId: 'u-agent',
        branchId: 'gz',
        payload: payload as never,
        hlc: '2026-11-23T03:01:09.123Z-0000-9f86d081884c7d65',
        occurredAt: '2026-11-23T11:01:09.123+08:00',
      }),
    ),
  ) as Record<string, unknown>;
}

describe('payload checks', () => {
  it.each(EVENT_TYPES)('parsing a parsed %s payload gives it back unchanged (what lets the fold skip it)', (type) => {
    const once = payloadSchemas[type].parse(structuredClone(samplePayloads[type]));
    expect(payloadSchemas[type].parse(once)).toStrictEqual(once);
  });

  it('takes a payload validateEvent returned as it is, frozen so it cannot change', () => {
    const result = validateEvent(raw('note.added'));
    if (!result.ok) throw new Error('expected valid');
    const payload = result.event.payload;
    expect(Object.isFrozen(payload)).toBe(true);
    expect(() => {
      (payload as { text: string }).text = '';
    }).toThrow(TypeError);
    const checked = checkPayload('note.added', payload);
    expect(checked).toEqual({ ok: true, payload: samplePayloads['note.added'] });
    if (checked.ok) expect(checked.payload).toBe(payload);
  });

  it('freezes only its own copy, never the caller’s input', () => {
    const input = raw('complaint.created');
    const result = validateEvent(input);
    expect(result.ok).toBe(true);
    expect(Object.isFrozen(input.payload)).toBe(false);
    expect(Object.isFrozen((input.payload as { complainant: object }).complainant)).toBe(false);
    if (result.ok) expect(Object.isFrozen((result.event.payload as { complainant: object }).complainant)).toBe(true);
  });

  it('still parses a payload known valid for another type', () => {
    const result = validateEvent(raw('complaint.closed'));
    if (!result.ok) throw new Error('expected valid');
    // {} is a valid complaint.closed payload but not a valid note.added one.
    expect(checkPayload('note.added', result.event.payload)).toEqual({ ok: false });
  });

  it('parses payloads from anywhere else, every time', () => {
    const payload: Record<string, unknown> = { text: 'hello' };
    expect(checkPayload('note.added', payload).ok).toBe(true);
    payload.text = 42;
    expect(checkPayload('note.added', payload).ok).toBe(false);
    expect(checkPayload('note.added', null).ok).toBe(false);
  });

  it('does not vouch for a payload of an unknown type', () => {
    const payload = { text: 'x' };
    expect(freezeValidPayload('note.deleted', payload)).toBe(payload);
    expect(Object.isFrozen(payload)).toBe(false);
  });
});
