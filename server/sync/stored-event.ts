import { seesAllBranches } from '../../shared/roles';
import type { AuthUser } from '../auth/tokens';
import { documentJson } from './wire';

/** The columns of an event row (`e`) that make its wire document. */
export interface EventDocRow {
  seq: unknown;
  doc: string;
  status: 'accepted' | 'rejected';
  received_at: string;
  reason_code: string | null;
  reason_message: string | null;
}

/** An event as stored, with who pushed it and its complaint: what a push conflict and a lookup are answered from. */
export interface StoredEventRow extends EventDocRow {
  id: string;
  complaint_id: string | null;
  pushed_by: string;
}

/** An event's own `seq`: the feed sequence of its origin row, as pull reports it. */
export const ORIGIN_SEQ = '(select o.fseq from feed o where o.event_id = e.id and o.origin)';

/** Select list of an `EventDocRow` from `events e`, with `seq` given by the caller (origin or re-announcement). */
export const eventDocColumns = (seq: string) => `${seq} as seq, e.doc, e.status, e.received_at, e.reason_code, e.reason_message`;

/** Select list of a `StoredEventRow` from `events e`. */
export const STORED_EVENT_COLUMNS = `e.id, e.complaint_id, e.pushed_by, ${eventDocColumns(ORIGIN_SEQ)}`;

/** The row's wire document, with its server fields, as JSON text. */
export function eventDocJson(r: EventDocRow): string {
  const reason = r.reason_code ? { code: r.reason_code, message: r.reason_message ?? '' } : null;
  return documentJson(r.doc, Number(r.seq), r.received_at, r.status, reason);
}

/**
 * Whether a user may read a stored event by its id (a push conflict's master
 * state, a lookup): the pusher and admins whatever its status; others only an
 * accepted event of a complaint now in their scope (`complaintBranch`).
 */
export function mayReadStoredEvent(user: AuthUser, row: Pick<StoredEventRow, 'pushed_by' | 'status'>, complaintBranch: string | null | undefined): boolean {
  if (row.pushed_by === user.id || user.role === 'admin') return true;
  if (row.status !== 'accepted') return false;
  if (seesAllBranches(user.role)) return true;
  return complaintBranch !== undefined && complaintBranch !== null && complaintBranch === user.branchId;
}
