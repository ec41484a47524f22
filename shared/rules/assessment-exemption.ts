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
  /** The mid-course note was found false (see midCourseNoteFalse). */
  noteFalse: boolean;
  /** The mid-course note was not written by its deadline. */
  deadlineMissed: boolean;
  /** An attempt came sooner than the policy's spacing after the previous one. */
  spacingViolated?: boolean;
  /** A call asked for acceptance more often than the policy's maxAcceptanceAsksPerCall. */
  acceptanceAskedTooOften?: boolean;
  /** More apology calls than maxApologyCalls without the customer asking for them. */
  apologyCallsExceeded?: boolean;
}

export type CallbackNormReason =
  | 'caller_not_lead'
  | 'note_false'
  | 'deadline_missed'
  | 'spacing_violated'
  | 'acceptance_asked_too_often'
  | 'apology_calls_exceeded';

export interface CallbackNormResult {
  followed: boolean;
  /** Why the callback staff are assessed "norm not followed"; empty when followed. */
  reasons: CallbackNormReason[];
}

/**
 * Whether the 二解 callback followed the norm: a lead called, on time, spaced,
 * without pestering (asks per call, apology calls), and the note was true.
 */
export function callbackNorm(input: CallbackNormInput): CallbackNormResult {
  const reasons: CallbackNormReason[] = [];
  if (input.callerRole !== 'team_lead' && !input.callerActingAsLead) reasons.push('caller_not_lead');
  if (input.noteFalse) reasons.push('note_false');
  if (input.deadlineMissed) reasons.push('deadline_missed');
  if (input.spacingViolated) reasons.push('spacing_violated');
  if (input.acceptanceAskedTooOften) reasons.push('acceptance_asked_too_often');
  if (input.apologyCallsExceeded) reasons.push('apology_calls_exceeded');
  return { followed: reasons.length === 0, reasons };
}

/** One service-quality complaint against a team: every one counts towards the limit. */
export interface ExemptionCandidate {
  complaintId: string;
  teamId: string;
  /** When the centre received it (HLC stamp or ISO instant): its period and its place in the count. */
  receivedAt: string;
  /** The lead's callback got the complaint withdrawn (revoked after soothing succeeded). */
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
  /** 1-based place among every service-quality complaint against the team in the period. */
  ordinal: number;
  /** How many the team had in the period. */
  teamCount: number;
}

/**
 * A team's service-quality complaints are exempt from assessment when the
 * lead's rule-following callback got them withdrawn, while the team's staff
 * have been complained about no more than the policy's limit (8) times in the
 * period. The count is of every service-quality complaint against the team
 * (含不通知回访或回访不接受的: those never notified for a callback and those the
 * customer did not accept included), so from the 9th complaint on nothing is
 * exempt. Order within a period is by receipt, then complaint id, so every
 * replica numbers them the same way.
 */
export function assessmentExemptions(candidates: readonly ExemptionCandidate[], policy: Policy): ExemptionDecision[] {
  const limit = policy.assessment.exemptionLimitPerTeamPerPeriod;
  const withPeriod = candidates.map((c) => {
    const key = orderKey(c.receivedAt);
    return { c, key, period: assessmentPeriod(key.slice(0, 24), policy), group: '' };
  });
  for (const w of withPeriod) w.group = `${w.c.teamId}\u0000${w.period}`;
  const sorted = [...withPeriod].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.complaintId < b.c.complaintId ? -1 : a.c.complaintId > b.c.complaintId ? 1 : 0,
  );
  const counters = new Map<string, number>();
  const ordinals = new Map<(typeof withPeriod)[number], number>();
  for (const w of sorted) {
    const n = (counters.get(w.group) ?? 0) + 1;
    counters.set(w.group, n);
    ordinals.set(w, n);
  }

  return withPeriod.map((w) => {
    const { c, period } = w;
    const ordinal = ordinals.get(w)!;
    const base = { complaintId: c.complaintId, teamId: c.teamId, period, ordinal, teamCount: counters.get(w.group) ?? 0 };
    if (!c.withdrawnAfterCallback) return { ...base, exempt: false, reason: 'not_withdrawn_after_callback' };
    if (!c.callbackFollowedNorm) return { ...base, exempt: false, reason: 'callback_norm_not_followed' };
    return ordinal <= limit ? { ...base, exempt: true, reason: 'exempt' } : { ...base, exempt: false, reason: 'over_limit' };
  });
}
