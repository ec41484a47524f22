import { NOT_ACCEPTED_CONDITIONS } from '../events/payloads/intake';
import { phoneSchema } from '../events/fields';

export type AcceptanceCondition = (typeof NOT_ACCEPTED_CONDITIONS)[number];

export interface AcceptanceInput {
  respondent?: { department?: string; agentJobNumbers?: readonly string[] } | null;
  description: string;
  phone: string;
}

/**
 * The acceptance conditions of the norm a complaint fails: a clear respondent
 * (a department or an agent's job number), concrete facts (a description),
 * a reachable complainant (a phone that can be dialled). The intake form
 * shows them as the agent types, and the fold flags a registered complaint
 * that fails them (`flags.acceptanceFailed`) on every replica, the server's
 * included: the agent decides, and a complaint that fails them is registered
 * as not accepted with the reason, never silently dropped.
 */
export function failedAcceptanceConditions(input: AcceptanceInput): AcceptanceCondition[] {
  const failed: AcceptanceCondition[] = [];
  const r = input.respondent;
  if (!r?.department?.trim() && !(r?.agentJobNumbers ?? []).some((j) => j.trim() !== '')) failed.push('respondent');
  if (!input.description.trim()) failed.push('facts');
  if (!phoneSchema.safeParse(input.phone.trim()).success) failed.push('reachable');
  return failed;
}
