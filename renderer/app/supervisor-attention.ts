import type { ComplaintProjection } from '../../shared/fold/projection';
import { isOpenStatus } from '../../shared/fold/open-statuses';

/** Escalated to this level or above, still open: the supervisor's own. */
export const SUPERVISOR_LEVEL = 3;

/** What in one complaint needs a supervisor, kept small so every complaint's can stay in memory. */
export interface AttentionEntry {
  id: string;
  number: string;
  branchId: string;
  status: ComplaintProjection['status'];
  escalationLevel: number;
  updatedAt: string;
  escalated: boolean;
  pendingRefunds: { requestId: string; amount: number }[];
  superseded: { eventId: string; type: string; actorId: string; why?: string }[];
}

/** The complaint's entry, or null when nothing in it needs a supervisor. */
export function attentionOf(p: ComplaintProjection): AttentionEntry | null {
  const escalated = isOpenStatus(p.status) && p.escalationLevel >= SUPERVISOR_LEVEL;
  const pendingRefunds = p.refunds.filter((r) => r.decision === 'pending').map((r) => ({ requestId: r.requestId, amount: r.amount }));
  const superseded = p.timeline
    .filter((e) => e.state === 'superseded')
    .map((e) => ({ eventId: e.eventId, type: e.type, actorId: e.actorId, ...(e.why ? { why: e.why } : {}) }));
  if (!escalated && pendingRefunds.length === 0 && superseded.length === 0) return null;
  return {
    id: p.id,
    number: p.number,
    branchId: p.branchId,
    status: p.status,
    escalationLevel: p.escalationLevel,
    updatedAt: p.updatedAt,
    escalated,
    pendingRefunds,
    superseded,
  };
}

export interface AttentionLists {
  escalated: AttentionEntry[];
  refunds: AttentionEntry[];
  conflicts: AttentionEntry[];
}

/** The three lists for a branch (null: every branch), most recently changed first. */
export function attentionLists(entries: Iterable<AttentionEntry>, branchId: string | null): AttentionLists {
  const inScope = [...entries]
    .filter((e) => branchId === null || e.branchId === branchId)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)));
  return {
    escalated: inScope.filter((e) => e.escalated),
    refunds: inScope.filter((e) => e.pendingRefunds.length > 0),
    conflicts: inScope.filter((e) => e.superseded.length > 0),
  };
}
