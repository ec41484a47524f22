import { v7 as uuidv7 } from 'uuid';
import type { ComplaintCreatedPayload } from '../../../shared/events/catalogue';
import { gradeSuggestion } from '../../../shared/rules/grade-suggestion';
import { normalisePhone } from '../../../shared/rules/repeat-complaint';
import type { DataStore } from '../store';
import { guard, writeEvent } from './write';
import { nextComplaintNumber } from '../complaint-numbers';

export type CreateComplaintInput = Omit<ComplaintCreatedPayload, 'number' | 'receivedAt'> & {
  /** Default: now. */
  receivedAt?: string;
};

export type CreateComplaintResult =
  | { ok: true; complaintId: string; number: string; eventId: string }
  | { ok: false; error: 'not_signed_in' | 'forbidden' | 'invalid' | 'not_found' | 'not_allowed_now'; message?: string; code?: string };

const DAY_MS = 86_400_000;

/** Whether this phone already complained about this category within the policy's window (local data). */
export async function isRepeatLocally(store: DataStore, phone: string, category: string, atMs: number): Promise<boolean> {
  const digits = normalisePhone(phone);
  if (!digits) return false;
  const windowDays = store.referenceStore.current().policy.repeatComplaint.windowDays;
  const since = new Date(atMs - windowDays * DAY_MS).toISOString();
  const count = await store.db.complaints.count({ selector: { phoneDigits: store.phoneKey.of(digits), category, createdAt: { $gte: since } } }).exec();
  return count > 0;
}

/**
 * Registers a complaint. The number is made on this workstation so it exists
 * offline, at once, to read out to the caller. When the caller gives no
 * grade and the complaint repeats an earlier one here, the repeat grade is
 * written (the fold alone cannot see other complaints).
 */
export async function createComplaintCommand(store: DataStore, input: CreateComplaintInput): Promise<CreateComplaintResult> {
  const g = await guard(store, 'complaint.created', '');
  if (!g.ok) {
    const r = g.result;
    return r.ok ? { ok: false, error: 'invalid' } : { ok: false, error: r.error, message: r.message };
  }
  const nowMs = store.now();
  const ref = store.referenceStore.current();
  let grade = input.grade;
  if (grade === undefined && (await isRepeatLocally(store, input.complainant.phone, input.category, nowMs))) {
    grade = gradeSuggestion(
      { description: input.description, demands: input.demands, customerType: input.complainant.customerType, isRepeat: true },
      ref.policy,
    ).grade;
  }
  let number: string;
  try {
    number = await nextComplaintNumber(store.meta, store.workstation.id, g.user.branchId, nowMs, ref.calendar);
  } catch (err) {
    return { ok: false, error: 'invalid', message: err instanceof Error ? err.message : 'No complaint number' };
  }
  const complaintId = uuidv7();
  const payload: ComplaintCreatedPayload = {
    ...input,
    number,
    // The server's clock as last learned, like the event's own wall time (see writeEvent).
    receivedAt: input.receivedAt ?? new Date(nowMs + store.hlc.offsetMs()).toISOString(),
    ...(grade !== undefined ? { grade } : {}),
  };
  const result = await writeEvent(store, g.user, 'complaint.created', complaintId, g.user.branchId, payload);
  if (!result.ok) return result;
  return { ok: true, complaintId, number, eventId: result.eventId };
}
