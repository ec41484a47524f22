import type { EventEnvelope } from '../events/envelope';
import { erasedValueCount } from '../erasure/markers';
import { canonicalJson } from '../json/canonical-json';

type Ordered = Pick<EventEnvelope, 'hlc' | 'id'>;

/** Fold order: HLC, then id, so every replica breaks ties the same way. */
export function compareEvents(a: Ordered, b: Ordered): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * The envelope fields only: server fields (seq, receivedAt, status, reason)
 * and storage metadata differ between replicas and must not reach the fold.
 */
export function envelopeOnly(e: EventEnvelope): EventEnvelope {
  return {
    id: e.id,
    complaintId: e.complaintId,
    type: e.type,
    actorId: e.actorId,
    branchId: e.branchId,
    hlc: e.hlc,
    occurredAt: e.occurredAt,
    payload: e.payload,
    v: e.v,
    _deleted: e._deleted,
  };
}

/**
 * Two copies of one id with different content: the one with more erased
 * personal values (the server's scrubbed copy after a redaction, which must
 * replace every replica's original); otherwise (a broken client) the one
 * that sorts first by HLC, then by canonical content, so the choice does not
 * depend on arrival order.
 */
export function preferredCopy(a: EventEnvelope, b: EventEnvelope): EventEnvelope {
  const erasedA = erasedValueCount(a);
  const erasedB = erasedValueCount(b);
  if (erasedA !== erasedB) return erasedA > erasedB ? a : b;
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? a : b;
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}
