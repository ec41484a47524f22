import type { CustomerType } from '../events/fields';
import type { Policy } from '../policy/policy';
import type { Grade } from '../events/fields';
import { matchKeywords } from './keywords';

export interface GradeSuggestionInput {
  description: string;
  demands?: string;
  customerType: CustomerType;
  /** From repeatComplaint: same phone and category within the policy window. */
  isRepeat: boolean;
}

export type GradeReason =
  | { code: 'urgent_keywords'; keywords: string[] }
  | { code: 'repeat' }
  | { code: 'vip' }
  | { code: 'general' };

export interface GradeSuggestion {
  grade: Grade;
  /** Every rule that fired, strongest first; the grade follows the first. */
  reasons: GradeReason[];
}

/**
 * A suggestion the agent confirms or overrides, never a verdict. Urgency
 * (safety, major loss, legal risk) outranks a repeat: grade 3 goes to the
 * director within 2 working days, which is what a dangerous repeat needs too.
 * A VIP gets at least grade 2.
 */
export function gradeSuggestion(input: GradeSuggestionInput, policy: Policy): GradeSuggestion {
  const text = [input.description, input.demands ?? ''].join('\n');
  const keywords = [
    ...matchKeywords(text, policy.urgentKeywords.zh),
    ...matchKeywords(text, policy.urgentKeywords.en),
  ];
  const reasons: GradeReason[] = [];
  if (keywords.length > 0) reasons.push({ code: 'urgent_keywords', keywords });
  if (input.isRepeat) reasons.push({ code: 'repeat' });
  if (input.customerType === 'vip') reasons.push({ code: 'vip' });
  if (reasons.length === 0) reasons.push({ code: 'general' });

  const first = reasons[0]!.code;
  const grade: Grade = first === 'urgent_keywords' ? 3 : first === 'repeat' ? 4 : first === 'vip' ? 2 : 1;
  return { grade, reasons };
}
