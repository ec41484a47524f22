import type { RefundRequestedPayload } from '../../../shared/events/catalogue';
import { refundAuthority } from '../../../shared/rules/refund-authority';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import { guard, writeEvent } from './write';

/** A refund request; whether it is within the agent's authority comes from the policy, not the caller. */
export async function refundRequestCommand(
  store: DataStore,
  complaintId: string,
  input: Omit<RefundRequestedPayload, 'withinAuthority'> & { withinAuthority?: boolean },
): Promise<CommandResult> {
  const g = await guard(store, 'refund.requested', complaintId);
  if (!g.ok) return g.result;
  if (!Number.isFinite(input.amount) || input.amount <= 0) return { ok: false, error: 'invalid', message: 'Amount must be positive' };
  const decision = refundAuthority(input.amount, store.referenceStore.current().policy);
  return writeEvent(store, g.user, 'refund.requested', complaintId, g.complaint!.branchId, {
    ...input,
    withinAuthority: decision.withinAuthority,
  }, {}, g.complaint);
}
