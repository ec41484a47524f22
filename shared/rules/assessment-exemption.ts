import { localDay } from '../calendar/calendar';
import type { Policy } from '../policy/policy';
import type { Role } from '../roles';
import { orderKey } from './order-key';

/** The assessment period an instant falls in, in the centre's time zone: '2026-11', '2026-Q4' or '2026'. */
export function assessmentPeriod(instant: string, policy: Policy): string {
  const day = localDay({ timeZone: policy.timeZone }, instant);
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (policy.assessment.period) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return year;
  }
}

export interface CallbackNormInput {
  callerRole: Role;
  /** An acting lead (代理班长) or deputy (B角) counts as the lead. */
  callerActingAsLead?: boolean;
  /** The mid-course note was found false on review. */
  noteFalse: boolean;
  /** The callback was not made by its deadline. */
  deadlineMissed: boolean;
}

export type CallbackNormReason = 'caller_not_lead' | 'note_false' | 'deadline_missed';

export interface CallbackNormResult {
  followed: boolean;
  /** Why the callback staff are assessed "norm not followed"; empty when followed. */
  reasons: CallbackNormReason[];
}

export function callbackNorm(input: CallbackNormInput): CallbackNormResult {
  const reasons: CallbackNormReason[] = [];
  if (input.callerRole !== 'team_lead' && !input.callerActingAsLead) reasons.push('caller_not_lead');
  if (input.noteFalse) reasons.push('note_false');
  if (input.deadlineMissed) reasons.push('deadline_missed');
  return { followed: reasons.length === 0, reasons };
}

export interface ExemptionCandidate {
  complaintId: string;
  teamId: string;
  /** When the complaint was withdrawn (revoked after the callback): HLC stamp or ISO instant. */
  withdrawnAt: string;
  /** The lead's callback got the complaint withdrawn. */
  withdrawnAfterCallback: boolean;
  /** The callback followed the norm (see callbackNorm). */
  callbackFollowedNorm: boolean;
}

export type ExemptionReason = 'exempt' | 'over_limit' | 'not_withdrawn_after_callback' | 'callback_norm_not_followed';

export interface ExemptionDecision {
  complaintId: string;
  teamId: string;
  period: string;
  exempt: boolean;
  reason: ExemptionReason;
  /** 1-based place among the team's qualifying complaints of the period; absent when not qualifying. */
  ordinal?: number;
}

/**
 * A team's service-quality complaints are exempt from assessment when the
 * lead's rule-following callback got them withdrawn, up to the policy's limit
 * per team per period (8 by default); from the next one on they are assessed.
 * Order within a period is by withdrawal time, then complaint id, so every
 * replica numbers them the same way.
 */
export function assessmentExemptions(candidates: readonly ExemptionCandidate[], policy: Policy): ExemptionDecision[] {
  const limit = policy.assessment.exemptionLimitPerTeamPerPeriod;
  const withPeriod = candidates.map((c) => ({
    c,
    key: orderKey(c.withdrawnAt),
    period: assessmentPeriod(orderKey(c.withdrawnAt).slice(0, 24), policy),
  }));
  const qualifying = withPeriod
    .filter(({ c }) => c.withdrawnAfterCallback && c.callbackFollowedNorm)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.complaintId < b.c.complaintId ? -1 : 1));

  const counters = new Map<string, number>();
  const ordinals = new Map<ExemptionCandidate, number>();
  for (const { c, period } of qualifying) {
    const k = `${c.teamId}\u0000${period}`;
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    ordinals.set(c, n);
  }

  return withPeriod.map(({ c, period }) => {
    const base = { complaintId: c.complaintId, teamId: c.teamId, period };
    if (!c.withdrawnAfterCallback) return { ...base, exempt: false, reason: 'not_withdrawn_after_callback' };
    if (!c.callbackFollowedNorm) return { ...base, exempt: false, reason: 'callback_norm_not_followed' };
    const ordinal = ordinals.get(c)!;
    return ordinal <= limit
      ? { ...base, exempt: true, reason: 'exempt', ordinal }
      : { ...base, exempt: false, reason: 'over_limit', ordinal };
  });
}
