import type { EventEnvelope } from '../events/envelope';
import { isPlainObject } from '../json/is-plain-object';

/**
 * The values erased personal fields take in stored events (see scrub.ts). A
 * field keeps its key with a marker that still satisfies its schema.
 */
export const ERASED_TEXT = '[erased]';
/** Satisfies the phone schema (a digit first, at least three characters) and is no one's number. */
export const ERASED_PHONE = '0***';

/**
 * How many personal values of this event are erased markers. Two copies of
 * one id differ legitimately only by erasure, and the more erased copy is the
 * later state of the record: the fold keeps it (see preferredCopy), so a
 * replica that receives the scrubbed copy drops the personal values.
 */
export function erasedValueCount(e: Pick<EventEnvelope, 'type' | 'payload'>): number {
  const p = e.payload as Record<string, unknown> | undefined;
  if (!isPlainObject(p)) return 0;
  if (e.type === 'complaint.created') {
    const c = isPlainObject(p.complainant) ? p.complainant : {};
    const i = isPlainObject(p.incident) ? p.incident : {};
    return [c.name, c.address, i.place, p.description, p.demands].filter((v) => v === ERASED_TEXT).length + (c.phone === ERASED_PHONE ? 1 : 0);
  }
  if (e.type === 'note.added') return p.text === ERASED_TEXT ? 1 : 0;
  return 0;
}

