import { EVENT_TYPES, isEventType, payloadSchemas, type EventType } from './catalogue';

/**
 * Payloads known to be valid for their type, by identity: the ones
 * validateEvent built and froze. Frozen, they cannot change, so identity
 * stands for content. A payload that arrives any other way (a local store,
 * a replay from storage) is parsed every time.
 */
const knownValid = new Map<string, WeakSet<object>>(EVENT_TYPES.map((t) => [t, new WeakSet<object>()]));

export type PayloadCheck = { ok: true; payload: Record<string, unknown> } | { ok: false };

/** The payload parsed against its type's schema, or not ok; a payload validateEvent returned is taken as it is. */
export function checkPayload(type: EventType, payload: unknown): PayloadCheck {
  if (typeof payload === 'object' && payload !== null && knownValid.get(type)?.has(payload)) {
    return { ok: true, payload: payload as Record<string, unknown> };
  }
  const parsed = payloadSchemas[type].safeParse(payload);
  return parsed.success ? { ok: true, payload: parsed.data as Record<string, unknown> } : { ok: false };
}

/**
 * Freezes a payload its type's schema just produced (a fresh object nobody
 * else holds yet) and records it as valid. Parsing a parsed payload gives it
 * back unchanged (the catalogue's schemas are strict and transform nothing;
 * a test holds them to it), so the fold may take it as it is.
 */
export function freezeValidPayload<T extends Record<string, unknown>>(type: string, payload: T): T {
  if (!isEventType(type)) return payload;
  deepFreeze(payload);
  knownValid.get(type)?.add(payload);
  return payload;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
