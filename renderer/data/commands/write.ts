import { v7 as uuidv7 } from 'uuid';
import type { EventType, PayloadOf } from '../../../shared/events/catalogue';
import { makeEvent } from '../../../shared/events/make-event';
import { validateEvent } from '../../../shared/events/validate';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { canWrite, inScope } from '../../../shared/rules/permissions';
import { checkWrite } from '../../../shared/rules/available-actions';
import { businessDateProblem } from '../../../shared/rules/business-dates';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import type { SessionUser } from '../types/session';

export interface WriteOptions {
  /** A deterministic id (breach escalations); default a fresh UUIDv7. */
  id?: string;
  /** For complaint.created: the new complaint's branch. */
  branchId?: string;
}

type Guard = { ok: true; user: SessionUser; complaint: ComplaintProjection | null } | { ok: false; result: CommandResult };

/** Who may write: signed in, or signed in earlier and merely waiting for a new token; and only into their own replica. */
export function commandUser(store: DataStore): SessionUser | null {
  const s = store.session.current();
  return (s.status === 'signed_in' || s.status === 'expired') && s.user?.id === store.user.id ? s.user : null;
}

export async function guard(store: DataStore, type: EventType, complaintId: string): Promise<Guard> {
  const user = commandUser(store);
  if (!user) return { ok: false, result: { ok: false, error: 'not_signed_in' } };
  if (!canWrite(user.role, type)) return { ok: false, result: { ok: false, error: 'forbidden', message: `${user.role} may not write ${type}` } };
  if (type === 'complaint.created') return { ok: true, user, complaint: null };
  const doc = await store.db.complaints.findOne(complaintId).exec();
  if (!doc) return { ok: false, result: { ok: false, error: 'not_found' } };
  const complaint = doc.toJSON(true).p as ComplaintProjection;
  if (!inScope(user, complaint.branchId)) return { ok: false, result: { ok: false, error: 'forbidden', message: 'Outside your branch' } };
  return { ok: true, user, complaint };
}

/**
 * Builds the event with the shared catalogue, stamps it with this
 * workstation's HLC, validates it as the server will, and writes it to the
 * local log; the projection is updated before this resolves.
 */
export async function writeEvent<T extends EventType>(
  store: DataStore,
  user: SessionUser,
  type: T,
  complaintId: string,
  branchId: string,
  payload: PayloadOf<T>,
  options: WriteOptions = {},
  /** The complaint as this workstation has it; null for a new one. */
  complaint: ComplaintProjection | null = null,
): Promise<CommandResult> {
  const nowMs = store.now();
  // The policy's skew bound: the server refuses events stamped further ahead of its clock.
  const hlc = await store.hlc.stamp(nowMs, store.referenceStore.current().policy.sync.hlcMaxSkewMs);
  // Wall times the event records follow the server's clock as last learned, as the
  // stamp does: a workstation whose clock runs ahead would otherwise write times the
  // server's business-date window refuses.
  const wallMs = nowMs + store.hlc.offsetMs();
  const event = makeEvent({
    id: options.id ?? uuidv7(),
    type,
    complaintId,
    actorId: user.id,
    branchId,
    payload,
    hlc,
    occurredAt: new Date(wallMs).toISOString(),
  });
  const checked = validateEvent(event);
  if (!checked.ok) return { ok: false, error: 'invalid', message: checked.reason.message };
  // The server's window for business dates, judged here with this workstation's clock before anything is written.
  const dateProblem = businessDateProblem(checked.event, store.referenceStore.current().policy, wallMs);
  if (dateProblem) return { ok: false, error: 'invalid', message: dateProblem.message, code: dateProblem.code };
  if (complaint) {
    // The server's own checks, made first: an event it would refuse is never written or called done.
    const ref = store.referenceStore.current();
    const verdict = checkWrite(user, complaint, event, { policy: ref.policy, calendar: ref.calendar });
    if (!verdict.ok) return { ok: false, error: verdict.code === 'illegal_state' ? 'not_allowed_now' : 'forbidden', message: verdict.why, code: verdict.code };
  }
  const { _deleted: _d, ...doc } = checked.event;
  await store.db.events.insert({ ...doc, status: 'pending' });
  await store.projector.idle();
  return { ok: true, eventId: event.id };
}

/** The common command: permission, scope and existence checks, then the write. */
export async function writeCommand<T extends EventType>(
  store: DataStore,
  type: T,
  complaintId: string,
  payload: PayloadOf<T>,
  options: WriteOptions = {},
): Promise<CommandResult> {
  const g = await guard(store, type, complaintId);
  if (!g.ok) return g.result;
  const branchId = g.complaint?.branchId ?? options.branchId ?? g.user.branchId;
  return writeEvent(store, g.user, type, complaintId, branchId, payload, options, g.complaint);
}
