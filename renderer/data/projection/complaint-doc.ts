import type { ComplaintProjection } from '../../../shared/fold/projection';
import { normalisePhone } from '../../../shared/rules/repeat-complaint';
import { NO_DEADLINE, type ComplaintDoc } from '../schema/complaints-schema';
import { clockRunning, runningClocks } from '../../../shared/deadlines/running-clocks';

/** UTC ISO, so string order is time order whatever offset the source used. */
function utc(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Phone digits as the repeat rule compares them (country code dropped). */
export function digitsOf(text: string | null | undefined): string {
  return normalisePhone(text ?? '');
}

/** Flattens a projection into the indexed document the queues query. */
export function toComplaintDoc(p: ComplaintProjection): ComplaintDoc {
  const next = runningClocks(p)[0];
  const createdBy = p.timeline.find((t) => t.type === 'complaint.created')?.actorId ?? '';
  const assigneeId = p.assigneeId ?? '';
  const handlingOpen = clockRunning(p, 'handling');
  return {
    id: p.id,
    number: p.number,
    branchId: p.branchId,
    status: p.status,
    grade: p.grade ?? 0,
    category: p.category ?? '',
    ownerId: assigneeId || createdBy,
    assigneeId,
    handlingDue: handlingOpen ? (utc(p.deadlines.handling) ?? NO_DEADLINE) : NO_DEADLINE,
    nextDue: next?.due ?? NO_DEADLINE,
    nextClock: next?.clock ?? '',
    updatedAt: utc(p.updatedAt) ?? '',
    createdAt: utc(p.createdAt) ?? '',
    escalationLevel: p.escalationLevel,
    phoneDigits: digitsOf(p.complainant?.phone).slice(0, 40),
    lastHlc: p.lastHlc,
    p,
  };
}
