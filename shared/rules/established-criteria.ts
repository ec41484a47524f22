import type { Finding } from '../events/fields';
import type { Policy } from '../policy/policy';

/**
 * When a service-quality complaint is established (成立): any one of these
 * held. The codes are what investigation.recorded stores in `criteria`.
 */
export const ESTABLISHED_CRITERIA = [
  { code: 'wrong_or_incomplete', zh: '解释或处理错误、不完整', en: 'Wrong or incomplete explanation or processing' },
  { code: 'confrontational', zh: '质问、指责、斥责、辱骂、威胁客户或与客户争辩', en: 'Questioning, blaming, scolding, insulting, threatening or arguing with the customer' },
  { code: 'taboo_phrases', zh: '使用服务忌语', en: 'Taboo phrases (服务忌语)' },
  { code: 'leaked_internal_info', zh: '泄露内部信息', en: 'Leaking internal information' },
  { code: 'impatient_or_cold', zh: '语气不耐烦、冷漠，催促客户挂机', en: 'Impatient or cold tone, hurrying the customer off' },
  { code: 'hang_up_norm', zh: '未按规范挂机', en: 'Not following the hang-up norm' },
  { code: 'ivr_transfer_norm', zh: '未按规范转接IVR', en: 'Not following the IVR-transfer norm' },
  { code: 'unkept_promise', zh: '承诺未兑现', en: 'An unkept promise' },
  { code: 'repeat_or_wait', zh: '同一问题让客户重复或等待超时', en: 'Customer made to repeat, or kept waiting too long on one issue' },
] as const;

export type EstablishedCriterionCode = (typeof ESTABLISHED_CRITERIA)[number]['code'];

const CODES = new Set<string>(ESTABLISHED_CRITERIA.map((c) => c.code));

export function isEstablishedCriterion(code: string): code is EstablishedCriterionCode {
  return CODES.has(code);
}

export interface EstablishedInput {
  /** Criterion codes the investigator ticked. */
  held: readonly string[];
  /** Longest wait on one issue found in the recording, if measured. */
  longestWaitSeconds?: number;
}

export interface EstablishedEvaluation {
  established: boolean;
  /** Criteria that held, in checklist order. */
  met: EstablishedCriterionCode[];
  /** Codes not on the checklist (a typo, or a code a newer build knows). */
  unknown: string[];
  /** Not established when nothing held; "partially" is the investigator's call. */
  suggestedFinding: Extract<Finding, 'established' | 'not_established'>;
}

export function evaluateEstablished(input: EstablishedInput, policy: Policy): EstablishedEvaluation {
  const held = new Set(input.held);
  if (input.longestWaitSeconds !== undefined && input.longestWaitSeconds > policy.reception.maxWaitSecondsOnOneIssue) {
    held.add('repeat_or_wait');
  }
  const met = ESTABLISHED_CRITERIA.map((c) => c.code).filter((code) => held.has(code));
  const unknown = [...held].filter((code) => !CODES.has(code));
  const established = met.length > 0;
  return { established, met, unknown, suggestedFinding: established ? 'established' : 'not_established' };
}
