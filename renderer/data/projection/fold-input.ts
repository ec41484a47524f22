import type { EventEnvelope } from '../../../shared/events/envelope';
import type { EventDoc } from '../schema/events-schema';

/**
 * A stored event as the fold reads it: the envelope fields only, the shape
 * the fold's own envelopeOnly gives. Built field by field because a pulled
 * batch passes tens of thousands of events through here, and an object rest
 * copy of a storage document (with its _rev and _meta) costs several times more.
 * Callers drop rejected events first: the fold never sees a status.
 */
export function foldInput(doc: EventDoc): EventEnvelope {
  return {
    id: doc.id,
    complaintId: doc.complaintId,
    type: doc.type,
    actorId: doc.actorId,
    branchId: doc.branchId,
    hlc: doc.hlc,
    occurredAt: doc.occurredAt,
    payload: doc.payload,
    v: doc.v,
    _deleted: false,
  };
}
