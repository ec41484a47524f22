import type { CustomerType, Grade } from '../events/fields';
import type { Policy } from '../policy/policy';
import { matchKeywords } from './keywords';

export interface WithdrawalInput {
  grade: Grade | null;
  customerType: CustomerType | null;
  /** The description and demands as typed. */
  text: string;
}

export type WithdrawalDoubt =
  | { kind: 'grade'; grade: Grade }
  | { kind: 'customerType'; customerType: CustomerType }
  | { kind: 'threat'; keywords: string[] };

/**
 * Why a withdrawal on the call would be doubtful for this complaint (the
 * policy's grades, customer types and threat words); empty when it is not.
 * Where there is a doubt the agent is not offered "Customer withdrew": the
 * complaint is filed and handled.
 */
export function withdrawalDoubts(input: WithdrawalInput, policy: Policy): WithdrawalDoubt[] {
  const w = policy.withdrawal;
  const out: WithdrawalDoubt[] = [];
  if (input.grade !== null && w.doubtfulGrades.includes(input.grade)) out.push({ kind: 'grade', grade: input.grade });
  if (input.customerType !== null && w.doubtfulCustomerTypes.includes(input.customerType)) {
    out.push({ kind: 'customerType', customerType: input.customerType });
  }
  const keywords = matchKeywords(input.text, [...w.threatKeywords.zh, ...w.threatKeywords.en]);
  if (keywords.length > 0) out.push({ kind: 'threat', keywords });
  return out;
}
