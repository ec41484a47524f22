import type { ComplaintProjection } from '../../../../shared/fold/projection';
import type { Policy } from '../../../../shared/policy/policy';
import { callbackAttemptAllowance, type CallbackConductBreach } from '../../../../shared/rules/callback-conduct';
import type { FormValues } from '../../../components/ActionForm';
import { str } from './spec-context';

/** The number of requests for acceptance typed: undefined when blank or not a whole number 0–20. */
export function acceptanceAsks(v: FormValues): number | undefined {
  const raw = str(v.asks);
  const n = Number(raw);
  return raw !== '' && Number.isInteger(n) && n >= 0 && n <= 20 ? n : undefined;
}

/**
 * The callback rules the attempt being typed would break, by the rule the
 * fold applies on the server and on every workstation (callbackAttemptAllowance).
 */
export function attemptBreaches(c: ComplaintProjection, v: FormValues, nowIso: string, policy: Policy): CallbackConductBreach[] {
  const asks = acceptanceAsks(v);
  const allowance = callbackAttemptAllowance(
    { attempts: c.callbacks.attempts, unreachable: c.flags.callbackUnreachable },
    {
      at: nowIso,
      reached: v.reached === true,
      ...(asks === undefined ? {} : { acceptanceAsks: asks }),
      customerAskedForCall: v.askedForCall === true,
    },
    policy,
  );
  return allowance.allowed ? allowance.breaches : [];
}
