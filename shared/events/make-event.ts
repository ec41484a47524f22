import type { EventEnvelope } from './envelope';
import { EVENT_SCHEMA_VERSION, type EventType, type PayloadOf, type TypedEvent } from './catalogue';

export interface MakeEventInput<T extends EventType> {
  /** Globally unique; callers pass a UUIDv7 (or a breach id from shared/ids). */
  id: string;
  type: T;
  complaintId: string;
  actorId: string;
  branchId: string;
  payload: PayloadOf<T>;
  hlc: string;
  /** ISO-8601 with offset, the device's wall clock. */
  occurredAt: string;
}

/**
 * Builds an event envelope. It does not validate: run validateEvent where the
 * input is not trusted; the type parameter already ties payload to type.
 */
export function makeEvent<T extends EventType>(input: MakeEventInput<T>): TypedEvent<T> & EventEnvelope {
  const event = {
    id: input.id,
    complaintId: input.complaintId,
    type: input.type,
    actorId: input.actorId,
    branchId: input.branchId,
    hlc: input.hlc,
    occurredAt: input.occurredAt,
    payload: input.payload,
    v: EVENT_SCHEMA_VERSION,
    _deleted: false as const,
  };
  return event as unknown as TypedEvent<T> & EventEnvelope;
}
