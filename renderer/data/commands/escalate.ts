import { nextLevel } from '../../../shared/rules/escalation-ladder';
import type { EscalationLevel } from '../../../shared/events/fields';
import type { DataStore } from '../store';
import type { CommandResult } from '../types/command-result';
import { guard, writeEvent } from './write';

export interface EscalateInput {
  /** Default: the next rung up. */
  toLevel?: EscalationLevel;
  /** Why, in the user's words (the dialog's "Reason"). */
  reason: string;
  note?: string;
  toUserId?: string;
}

export async function escalateCommand(store: DataStore, complaintId: string, input: EscalateInput): Promise<CommandResult> {
  const g = await guard(store, 'complaint.escalated', complaintId);
  if (!g.ok) return g.result;
  const complaint = g.complaint!;
  const from = complaint.escalationLevel;
  const to = input.toLevel ?? nextLevel(from);
  if (to === null || to <= from) {
    return { ok: false, error: 'not_allowed_now', message: 'Already at or above that level' };
  }
  const note = [input.reason.trim(), input.note?.trim()].filter(Boolean).join('\n');
  return writeEvent(store, g.user, 'complaint.escalated', complaintId, complaint.branchId, {
    fromLevel: from,
    toLevel: to,
    reason: 'request',
    ...(note ? { note } : {}),
    ...(input.toUserId ? { toUserId: input.toUserId } : {}),
  }, {}, complaint);
}
