import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, payloadSchemas, isEventType, EVENT_SCHEMA_VERSION } from './catalogue';
import { eventEnvelopeSchema } from './envelope';

describe('event catalogue', () => {
  it('names every type as a dotted lowercase name the envelope accepts', () => {
    expect(EVENT_TYPES.length).toBe(28);
    for (const type of EVENT_TYPES) {
      expect(eventEnvelopeSchema.shape.type.safeParse(type).success).toBe(true);
      expect(payloadSchemas[type]).toBeDefined();
    }
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });

  it('is version 1', () => {
    expect(EVENT_SCHEMA_VERSION).toBe(1);
  });

  it('recognises only its own types, not inherited object keys', () => {
    expect(isEventType('complaint.created')).toBe(true);
    expect(isEventType('complaint.deleted')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('__proto__')).toBe(false);
    expect(isEventType(42)).toBe(false);
  });

  it('rejects unknown payload keys for every type', () => {
    for (const type of EVENT_TYPES) {
      const result = payloadSchemas[type].safeParse({ unexpectedKey: 1 });
      expect(result.success).toBe(false);
    }
  });
});
