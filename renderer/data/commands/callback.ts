import type { CallbackAttemptedPayload } from '../../../shared/events/catalogue';
import { callbackAttemptAllowance } from '../../../shared/rules/callback-conduct';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import { guard, writeEvent } from './write';

/**
 * A callback attempt, held to the same rule the fold applies on every
 * replica (shared/rules/callback-conduct): once the attempts are used up it
 * is refused; a call sooner than the spacing, with too many requests for
 * acceptance or one apology call too many is recorded and flagged, exactly
 * as the server records it (the form said so before the lead confirmed).
 */
export async function callbackAttemptCommand(
  store: DataStore,
  complaintId: string,
  payload: CallbackAttemptedPayload,
): Promise<CommandResult> {
  const g = await guard(store, 'callback.attempted', complaintId);
  if (!g.ok) return g.result;
  const complaint = g.complaint!;
  const allowance = callbackAttemptAllowance(
    { attempts: complaint.callbacks.attempts, unreachable: complaint.flags.callbackUnreachable },
    { at: new Date(store.now()).toISOString(), reached: payload.reached },
    store.referenceStore.current().policy,
  );
  if (!allowance.allowed) {
    return { ok: false, error: 'not_allowed_now', message: 'All callback attempts are used; hand it back to the officer' };
  }
  return writeEvent(store, g.user, 'callback.attempted', complaintId, complaint.branchId, payload, {}, complaint);
}
