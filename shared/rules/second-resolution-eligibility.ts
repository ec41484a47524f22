import type { Category, CustomerType } from '../events/fields';
import type { Policy } from '../policy/policy';
import { orderKey } from './order-key';

/** 二解 is for service-quality complaints: how an agent served, not what was sold. */
export const SERVICE_QUALITY_CATEGORIES: readonly Category[] = ['attitude', 'business_error', 'process'];

export interface SecondResolutionInput {
  /** How many agents the complaint is about (respondent job numbers). */
  agentCount: number;
  customerType: CustomerType;
  /** When the customer urged (催办): HLC stamps or ISO instants. */
  urgedAt: readonly string[];
  /** When the lead added the mid-course note, if they did (HLC stamp or ISO instant). */
  midCourseNoteAt?: string;
  /** When given, a complaint outside service quality is not eligible. */
  category?: Category;
}

export type SecondResolutionReason =
  | 'multiple_agents'
  | 'vip_or_professional'
  | 'urged_before_note'
  | 'not_service_quality';

export interface SecondResolutionEligibility {
  eligible: boolean;
  /** Why not; empty when eligible. */
  reasons: SecondResolutionReason[];
}

/** Whether the team lead's 二解 callback applies, or the officer takes the normal flow. */
export function secondResolutionEligibility(
  input: SecondResolutionInput,
  policy: Policy,
): SecondResolutionEligibility {
  const reasons: SecondResolutionReason[] = [];
  if (input.category !== undefined && !SERVICE_QUALITY_CATEGORIES.includes(input.category)) {
    reasons.push('not_service_quality');
  }
  if (input.agentCount > policy.secondResolution.maxAgentsInvolved) reasons.push('multiple_agents');
  if (input.customerType === 'vip' || input.customerType === 'professional') reasons.push('vip_or_professional');
  const note = input.midCourseNoteAt === undefined ? undefined : orderKey(input.midCourseNoteAt);
  if (input.urgedAt.some((u) => note === undefined || orderKey(u) < note)) reasons.push('urged_before_note');
  return { eligible: reasons.length === 0, reasons };
}
