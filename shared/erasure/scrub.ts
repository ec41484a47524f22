import type { EventEnvelope } from '../events/envelope';
import { complaintRedactedPayloadSchema, REDACTABLE_FIELDS, type RedactableField } from '../events/payloads/outcome';
import { compareEvents } from '../fold/order';
import { isPlainObject } from '../json/is-plain-object';
import { ERASED_PHONE, ERASED_TEXT } from './markers';

export { ERASED_PHONE, ERASED_TEXT, erasedValueCount } from './markers';

/**
 * Erasure of personal data from stored events. A redaction (complaint.redacted)
 * empties the projection; the stored copies of the events it covers are then
 * rewritten with the personal values replaced. A required field keeps its key
 * and takes a fixed marker that still satisfies its schema (the sync protocol
 * promises outside tools a `complainant.name`, a `phone` and a description of
 * 1–10,000 characters in every complaint.created), so the scrubbed history
 * validates and folds like the original. Optional fields present take the
 * marker too (rather than going), so a scrubbed copy always holds more
 * markers than the copy it replaces, which is how every replica tells them
 * apart (`erasedValueCount`).
 */
type Payload = Record<string, unknown>;

/**
 * The payload with the named fields erased, or the same object when nothing
 * in it is covered (so callers can tell by identity that nothing changed).
 */
export function scrubPayload(type: string, payload: Payload, fields: ReadonlySet<RedactableField>): Payload {
  if (type === 'complaint.created') {
    let out: Payload | null = null;
    const edit = () => (out ??= { ...payload });
    const complainant = payload.complainant;
    if (isPlainObject(complainant)) {
      let c: Payload | null = null;
      const editC = () => (c ??= { ...complainant });
      if (fields.has('complainant.name') && erasable(complainant.name)) editC().name = ERASED_TEXT;
      if (fields.has('complainant.phone') && typeof complainant.phone === 'string' && complainant.phone !== ERASED_PHONE) {
        editC().phone = ERASED_PHONE;
      }
      if (fields.has('complainant.address') && erasable(complainant.address)) editC().address = ERASED_TEXT;
      if (c) edit().complainant = c;
    }
    const incident = payload.incident;
    if (fields.has('incident.place') && isPlainObject(incident) && erasable(incident.place)) {
      edit().incident = { ...incident, place: ERASED_TEXT };
    }
    if (fields.has('description') && erasable(payload.description)) edit().description = ERASED_TEXT;
    if (fields.has('demands') && erasable(payload.demands)) edit().demands = ERASED_TEXT;
    return out ?? payload;
  }
  if (type === 'note.added' && fields.has('notes') && erasable(payload.text)) {
    return { ...payload, text: ERASED_TEXT };
  }
  return payload;
}

/** A present text value not yet erased. */
function erasable(v: unknown): boolean {
  return typeof v === 'string' && v !== ERASED_TEXT;
}

/** The fields a redaction event names, or none when its payload is not a redaction's. */
export function redactedFieldsOf(e: Pick<EventEnvelope, 'type' | 'payload'>): RedactableField[] {
  if (e.type !== 'complaint.redacted') return [];
  const parsed = complaintRedactedPayloadSchema.safeParse(e.payload);
  return parsed.success ? parsed.data.fields : [];
}

export interface HistoryEvent extends EventEnvelope {
  /** Rejected events never fold; they are scrubbed of every field any redaction names. */
  status?: 'accepted' | 'rejected';
}

/**
 * The events of one complaint whose stored copy a redaction changes, with
 * their scrubbed copies. A redaction covers the events before it in fold
 * order (HLC, then id), as it does in the projection: a note written after
 * the erasure is new data, not erased data. Rejected events, which reach no
 * projection, lose every field any accepted redaction names.
 */
export function scrubHistory<E extends HistoryEvent>(events: readonly E[]): E[] {
  const redactions = events
    .filter((e) => e.status !== 'rejected' && e.type === 'complaint.redacted')
    .map((e) => ({ at: e, fields: redactedFieldsOf(e) }))
    .filter((r) => r.fields.length > 0);
  if (!redactions.length) return [];
  const all = new Set(redactions.flatMap((r) => r.fields));
  const changed: E[] = [];
  for (const e of events) {
    if (e.type === 'complaint.redacted') continue;
    const fields =
      e.status === 'rejected'
        ? all
        : new Set(redactions.filter((r) => compareEvents(e, r.at) < 0).flatMap((r) => r.fields));
    if (!fields.size || !isPlainObject(e.payload)) continue;
    const payload = scrubPayload(e.type, e.payload, fields);
    if (payload !== e.payload) changed.push({ ...e, payload });
  }
  return changed;
}

/** True when the fields cover every personal field a redaction can name. */
export function coversAllFields(fields: Iterable<string>): boolean {
  const have = new Set(fields);
  return REDACTABLE_FIELDS.every((f) => have.has(f));
}
