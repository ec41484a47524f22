import type { Policy } from '../policy/policy';

const HOUR_MS = 3_600_000;

/** One 二解 callback call as the conduct rules see it. */
export interface ConductAttempt {
  at: string;
  reached: boolean;
  /** How many times the lead asked the customer to accept, in this call. */
  acceptanceAsks?: number;
  /** The customer asked for this call (a further apology call is then allowed). */
  customerAskedForCall?: boolean;
}

export type CallbackConductBreach = 'spacing_violated' | 'acceptance_asked_too_often' | 'apology_calls_exceeded';

/**
 * The callback rules of the norm that a call can break, decided once for the
 * fold (server and workstation) and the callbacks form: retries at least
 * `callbackMinSpacingHours` apart, at most `maxAcceptanceAsksPerCall` requests
 * for acceptance in one call, and no more than `maxApologyCalls` calls that
 * reach the customer unless the customer asked for the call. A breach is a
 * fact about a call that happened: it is recorded and flagged for the
 * assessment ("norm not followed"), never refused.
 */
export function attemptConductBreaches(
  previous: readonly ConductAttempt[],
  attempt: ConductAttempt,
  policy: Policy,
): CallbackConductBreach[] {
  const sr = policy.secondResolution;
  const breaches: CallbackConductBreach[] = [];
  const last = previous.at(-1);
  if (last && Date.parse(attempt.at) - Date.parse(last.at) < sr.callbackMinSpacingHours * HOUR_MS) {
    breaches.push('spacing_violated');
  }
  if (attempt.reached && (attempt.acceptanceAsks ?? 0) > sr.maxAcceptanceAsksPerCall) {
    breaches.push('acceptance_asked_too_often');
  }
  const reachedBefore = previous.filter((a) => a.reached).length;
  if (attempt.reached && reachedBefore >= sr.maxApologyCalls && !attempt.customerAskedForCall) {
    breaches.push('apology_calls_exceeded');
  }
  return breaches;
}

export type AttemptAllowance =
  | { allowed: false; reason: 'attempts_used' }
  | { allowed: true; breaches: CallbackConductBreach[] };

/**
 * Whether one more callback call can be recorded now, and which rules it
 * would break: the form shows the breaches before the lead confirms, the
 * fold flags the same ones. Only used-up attempts refuse it (the complaint
 * went back to the officer).
 */
export function callbackAttemptAllowance(
  state: { attempts: readonly ConductAttempt[]; unreachable: boolean },
  attempt: ConductAttempt,
  policy: Policy,
): AttemptAllowance {
  if (state.unreachable) return { allowed: false, reason: 'attempts_used' };
  return { allowed: true, breaches: attemptConductBreaches(state.attempts, attempt, policy) };
}
