import type { Category } from '../events/fields';
import type { Policy } from '../policy/policy';

export interface ComplaintKey {
  id: string;
  phone: string;
  category: Category;
  /** ISO instant. */
  receivedAt: string;
}

/** Fewer digits than this is not a phone number worth matching: the workstation and the server check the same bound. */
export const MIN_REPEAT_PHONE_DIGITS = 5;

/**
 * The digits the repeat check looks for earlier complaints with, or null when
 * a typed phone has too few to be worth matching: one normalisation for both
 * the bound and the look-up.
 */
export function matchablePhone(phone: string): string | null {
  const digits = normalisePhone(phone);
  return digits.length >= MIN_REPEAT_PHONE_DIGITS ? digits : null;
}

/** Whether a typed phone has enough digits for the repeat check to look for earlier complaints. */
export function phoneWorthMatching(phone: string): boolean {
  return matchablePhone(phone) !== null;
}

/**
 * Phone numbers as typed vary (+86, 0086, spaces, dashes); compare digits with
 * the Chinese country code dropped.
 */
export function normalisePhone(phone: string): string {
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export interface RepeatResult {
  repeat: boolean;
  /** Ids of the earlier complaints it repeats, most recent first. */
  priorIds: string[];
}

/**
 * 重复投诉: the same phone and the same category again within the policy
 * window (days before this one's receipt). Only earlier complaints count, so
 * the first of a series is never its own repeat (two received in the same
 * millisecond are ordered by id).
 */
export function repeatComplaint(current: ComplaintKey, priors: readonly ComplaintKey[], policy: Policy): RepeatResult {
  const at = Date.parse(current.receivedAt);
  if (!Number.isFinite(at)) throw new RangeError(`not an ISO instant: ${current.receivedAt}`);
  const from = at - policy.repeatComplaint.windowDays * 86_400_000;
  const phone = normalisePhone(current.phone);
  if (phone === '') return { repeat: false, priorIds: [] };
  const matches = priors
    .filter((p) => p.id !== current.id && p.category === current.category && normalisePhone(p.phone) === phone)
    .map((p) => ({ id: p.id, t: Date.parse(p.receivedAt) }))
    .filter(({ id, t }) => Number.isFinite(t) && t >= from && (t < at || (t === at && id < current.id)))
    .sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : 1));
  return { repeat: matches.length > 0, priorIds: matches.map((m) => m.id) };
}
