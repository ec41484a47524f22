import type { z } from 'zod';
import { eventEnvelopeSchema, type EventEnvelope, type RejectReason } from './envelope';
import { EVENT_SCHEMA_VERSION, isEventType, payloadSchemas } from './catalogue';
import { freezeValidPayload } from './checked-payloads';

export type ValidationResult = { ok: true; event: EventEnvelope } | { ok: false; reason: RejectReason };

const MAX_MESSAGE = 400;
const MAX_ISSUES = 3;

/**
 * Checks the envelope, then the payload against its type's schema. Never
 * throws: whatever arrives from the network (wrong types, deep nesting, huge
 * strings, throwing getters) comes back as a reason a person can read.
 * The returned payload is a fresh, frozen copy.
 */
export function validateEvent(raw: unknown): ValidationResult {
  try {
    return validateUnsafe(raw);
  } catch {
    return reject('schema', 'The event could not be read');
  }
}

function validateUnsafe(raw: unknown): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return reject('schema', 'An event must be a JSON object');
  }
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return reject('schema', describe('Invalid event', envelope.error.issues));
  }
  const event = envelope.data;
  if (!isEventType(event.type)) {
    return reject('unknown_type', `Unknown event type "${clip(event.type, 64)}"`);
  }
  if (event.v !== EVENT_SCHEMA_VERSION) {
    return reject('schema', `Unsupported event schema version ${event.v} (this side speaks ${EVENT_SCHEMA_VERSION})`);
  }
  const payload = payloadSchemas[event.type].safeParse(event.payload);
  if (!payload.success) {
    return reject('schema', describe(`Invalid ${event.type} payload`, payload.error.issues, ['payload']));
  }
  // Frozen and remembered as valid, so the fold does not parse it again.
  return { ok: true, event: { ...event, payload: freezeValidPayload(event.type, payload.data as Record<string, unknown>) } };
}

function reject(code: 'schema' | 'unknown_type', message: string): ValidationResult {
  return { ok: false, reason: { code, message: clip(message, MAX_MESSAGE) } };
}

function describe(head: string, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string {
  const parts = issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = [...prefix, ...issue.path].map((p) => clip(String(p), 40)).join('.');
    return path ? `${path}: ${clip(issue.message, 120)}` : clip(issue.message, 120);
  });
  const more = issues.length > MAX_ISSUES ? ` (and ${issues.length - MAX_ISSUES} more)` : '';
  return `${head}: ${parts.join('; ')}${more}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
