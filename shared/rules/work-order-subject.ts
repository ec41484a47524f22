import type { Category } from '../events/fields';
import type { Policy } from '../policy/policy';

/**
 * The work order's subject, from the policy's template for the category
 * (投诉申告-服务质量-10086热线 for a service-quality complaint): the centre's own
 * words, in Chinese whatever the display language, because the work-order
 * system reads them.
 */
export function workOrderSubject(category: Category | null, policy: Policy): string {
  return policy.workOrder.subjectByCategory[category ?? 'other'];
}
