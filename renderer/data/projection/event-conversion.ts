import type { StoredEvent } from '../../../shared/events/envelope';
import type { EventDoc } from '../schema/events-schema';

/** A local event document as the shared fold and the wire know it ('pending' is local only). */
export function toStoredEvent(doc: EventDoc): StoredEvent {
  const { status, seq, receivedAt, reason, ...envelope } = doc;
  const out: StoredEvent = { ...envelope, _deleted: false };
  if (status !== 'pending') out.status = status;
  if (seq !== undefined) out.seq = seq;
  if (receivedAt !== undefined) out.receivedAt = receivedAt;
  if (reason !== undefined) out.reason = reason;
  return out;
}

/** A server event as stored locally: a missing status means the server has not decided, i.e. pending. */
export function fromStoredEvent(event: StoredEvent): EventDoc & { _deleted: boolean } {
  const { _deleted: _ignored, ...rest } = event;
  return { ...rest, status: event.status ?? 'pending', _deleted: false } as EventDoc & { _deleted: boolean };
}

/** Strips fields RxDB adds to documents (_rev, _meta, _attachments). */
export function plainEvent(data: EventDoc & Record<string, unknown>): EventDoc {
  const { _rev: _r, _meta: _m, _attachments: _a, _deleted: _d, ...rest } = data;
  return rest as unknown as EventDoc;
}
