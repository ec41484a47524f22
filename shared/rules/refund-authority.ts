import type { Policy } from '../policy/policy';
import type { Role } from '../roles';

export type RefundDecision =
  | {
      withinAuthority: true;
      /** Promise the refund on the call and file a refund request with the reason. */
      action: 'promise_and_request';
      limit: number;
      currency: string;
    }
  | {
      withinAuthority: false;
      /** Do not promise; note it, the officer handles it and a supervisor approves. */
      action: 'note_for_approval';
      approverRole: Role;
      limit: number;
      currency: string;
    };

const toCents = (amount: number) => Math.round(amount * 100);

/** Whether an agent may promise a refund of `amount` on the call. */
export function refundAuthority(amount: number, policy: Policy): RefundDecision {
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`refund amount must be positive: ${amount}`);
  const { authorityAmount: limit, currency } = policy.refund;
  // Compared in cents so 49.99 + 0.01 style amounts are not lost to floating point.
  if (toCents(amount) <= toCents(limit)) return { withinAuthority: true, action: 'promise_and_request', limit, currency };
  return { withinAuthority: false, action: 'note_for_approval', approverRole: 'supervisor', limit, currency };
}
