import type { ComplaintProjection } from '../../../shared/fold/projection';
import { normalisePhone } from '../../../shared/rules/repeat-complaint';
import { NO_DEADLINE, isOpenStatus, type ComplaintDoc } from '../schema/complaints-schema';
import { clockRunning, runningClocks } from '../../../shared/deadlines/running-clocks';
import { clearPhoneKey, type PhoneKey } from '../search/blind-tokens';

/** UTC ISO, so string order is time order whatever offset the source used. */
function utc(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Phone digits as the repeat rule compares them (country code dropped). */
export function digitsOf(text: string | null | undefined): string {
  return normalisePhone(text ?? '');
}

/**
 * Folded events the stored projection keeps: the reports read the notified
 * parties from the event itself (shared/reports/attribution.ts). Every other
 * event stays in the events collection only, so a queue row is the
 * projection's fields and not its whole history.
 */
const KEPT_EVENT_TYPES: ReadonlySet<string> = new Set(['parties.notified']);

/**
 * The projection as the complaints collection stores it: the shared fold
 * with its internal event list cut down to the events reports read. Not the
 * fold's input any more: the projector rebuilds that list from the events
 * collection (the timeline names every folded event, in order).
 */
export function storedProjection(p: ComplaintProjection): ComplaintProjection {
  const events = p.events.filter((e) => KEPT_EVENT_TYPES.has(e.type));
  return { ...p, events };
}

/**
 * Flattens a projection into the indexed document the queues query. The
 * phone key is the digits themselves only where the replica has no data key.
 */
export function toComplaintDoc(p: ComplaintProjection, phoneKey: PhoneKey = clearPhoneKey): ComplaintDoc {
  const next = runningClocks(p)[0];
  const createdBy = p.timeline.find((t) => t.type === 'complaint.created')?.actorId ?? '';
  const assigneeId = p.assigneeId ?? '';
  const handlingOpen = clockRunning(p, 'handling');
  const updatedAt = utc(p.updatedAt) ?? '';
  return {
    id: p.id,
    number: p.number,
    branchId: p.branchId,
    status: p.status,
    open: isOpenStatus(p.status) ? 1 : 0,
    grade: p.grade ?? 0,
    category: p.category ?? '',
    ownerId: assigneeId || createdBy,
    assigneeId,
    handlingDue: handlingOpen ? (utc(p.deadlines.handling) ?? NO_DEADLINE) : NO_DEADLINE,
    nextDue: next?.due ?? NO_DEADLINE,
    nextClock: next?.clock ?? '',
    updatedAt,
    recency: recencyOf(updatedAt),
    createdAt: utc(p.createdAt) ?? '',
    escalationLevel: p.escalationLevel,
    phoneDigits: phoneKey.of(digitsOf(p.complainant?.phone)).slice(0, 40),
    lastHlc: p.lastHlc,
    p: storedProjection(p),
  };
}

/**
 * A key whose ascending order is updatedAt's descending order: IndexedDB
 * indexes run one way only, and RxDB re-sorts every row of the range for a
 * descending sort. Zero-padded so string order is number order.
 */
export function recencyOf(updatedAtIso: string): string {
  const ms = Date.parse(updatedAtIso);
  const inverted = RECENCY_MAX - (Number.isFinite(ms) ? Math.max(0, Math.min(ms, RECENCY_MAX)) : 0);
  return String(inverted).padStart(RECENCY_DIGITS, '0');
}

/** Later than any updatedAt (year 2286); a document without a time sorts last. */
const RECENCY_MAX = 9_999_999_999_999;
const RECENCY_DIGITS = 13;
