import type { Policy } from '../policy/policy';

const HOUR_MS = 3_600_000;

export interface RegistrationDelay {
  /** Hours from receipt to registration, two decimals; never negative. */
  hours: number;
  /** Registered later than the policy's `registrationHours` after receipt. */
  late: boolean;
}

/**
 * "Registered within 24 h of receipt": letters, e-mails, web and WeChat
 * complaints arrive before anyone registers them, so the receipt time (what
 * every deadline counts from) and the registration time differ. Null when
 * either time cannot be read.
 */
export function registrationDelay(receivedAt: string, registeredAt: string, policy: Policy): RegistrationDelay | null {
  const received = Date.parse(receivedAt);
  const registered = Date.parse(registeredAt);
  if (!Number.isFinite(received) || !Number.isFinite(registered)) return null;
  const ms = Math.max(0, registered - received);
  return { hours: Math.round((ms / HOUR_MS) * 100) / 100, late: ms > policy.deadlines.registrationHours * HOUR_MS };
}
