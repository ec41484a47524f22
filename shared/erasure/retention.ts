import type { ComplaintProjection } from '../fold/projection';
import type { Policy } from '../policy/policy';
import { fnv1a128Hex } from '../ids/fnv1a';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';

/**
 * The instant `months` calendar months before `now` (UTC), the day clamped to
 * the shorter month's end: 31 May minus 3 months is 28 or 29 February.
 */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/** Whether the complaint still shows personal data a redaction can erase. */
export function holdsPersonalData(p: ComplaintProjection): boolean {
  const erased = new Set(p.flags.redactedFields);
  return REDACTABLE_FIELDS.some((f) => !erased.has(f)) || p.notes.some((n) => n.text !== '');
}

/**
 * The retention rule: a complaint closed more than the policy's
 * `retention.erasePersonalAfterMonths` before `now` that still shows personal
 * data is due for erasure of every personal field. Off when the policy says 0.
 * A complaint reopened is no longer closed, so it waits for its next closing.
 */
export function dueForRetention(p: ComplaintProjection, now: Date, policy: Policy): boolean {
  const months = policy.retention.erasePersonalAfterMonths;
  if (months <= 0 || p.status !== 'closed' || !p.milestones.closedAt) return false;
  const closed = Date.parse(p.milestones.closedAt);
  if (!Number.isFinite(closed) || closed >= monthsBefore(now, months).getTime()) return false;
  return holdsPersonalData(p);
}

/**
 * The id of the system's retention redaction of one closing of a complaint:
 * every server process that finds it due writes the same id, so the copies
 * are one event (like breach escalations).
 */
export function retentionEventId(complaintId: string, closedAt: string): string {
  return `retention-${fnv1a128Hex(`${complaintId}\u0000${closedAt}`)}`;
}
