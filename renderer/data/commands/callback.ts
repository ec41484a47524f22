import type { CallbackAttemptedPayload } from '../../../shared/events/catalogue';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import { guard, writeEvent } from './write';

/**
 * A callback attempt, held to the policy: at most N attempts, each at least
 * the policy's spacing after the previous one (the fold computes
 * nextCallbackEarliest from the same policy).
 */
export async function callbackAttemptCommand(
  store: DataStore,
  complaintId: string,
  payload: CallbackAttemptedPayload,
): Promise<CommandResult> {
  const g = await guard(store, 'callback.attempted', complaintId);
  if (!g.ok) return g.result;
  const complaint = g.complaint!;
  const earliest = complaint.deadlines.nextCallbackEarliest;
  if (earliest === null) {
    return { ok: false, error: 'not_allowed_now', message: 'All callback attempts are used; hand it back to the officer' };
  }
  if (earliest !== undefined && Date.parse(earliest) > store.now()) {
    return { ok: false, error: 'not_allowed_now', message: `Next attempt allowed from ${earliest}` };
  }
  return writeEvent(store, g.user, 'callback.attempted', complaintId, complaint.branchId, payload, {}, complaint);
}
