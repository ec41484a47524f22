import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { addCalendarDays, localDay, zonedInstant } from '../../../shared/calendar/calendar';
import type { ComplaintDoc } from '../schema/complaints-schema';
import { NO_DEADLINE, OPEN_STATUSES, isOpenStatus } from '../schema/complaints-schema';
import { COMPLAINT_STATUSES } from '../../../shared/fold/projection';
import type { QueueFilter } from '../types/queue';
import type { Reference } from '../types/reference';
import type { SessionUser } from '../types/session';

function oneOrMany<T>(v: T | T[] | undefined): { $eq: T } | { $in: T[] } | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? { $in: v } : { $eq: v };
}

/** End of the centre's current day as UTC ISO. */
export function endOfToday(nowMs: number, ref: Pick<Reference, 'calendar'>): string {
  const today = localDay(ref.calendar, nowMs);
  return new Date(zonedInstant(ref.calendar.timeZone, addCalendarDays(today, 1), '00:00')).toISOString();
}

export interface QueueQueryInput {
  filter: QueueFilter;
  user: SessionUser | null;
  reference: Pick<Reference, 'users' | 'calendar'>;
  nowMs: number;
  /** Ids allowed by the text search, when the filter has text. */
  ids?: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && b.every((x) => a.includes(x));
const CLOSED_STATUSES = COMPLAINT_STATUSES.filter((s) => s !== 'incomplete' && !isOpenStatus(s));

/**
 * The status part of a selector: the open (or the ended) statuses as a
 * whole become the indexed `open` key; other sets stay a status match, which
 * queue-plan.ts splits into one index range per status.
 */
function statusPart(status: QueueFilter['status']): Record<string, unknown> {
  if (status === undefined) return {};
  const list = Array.isArray(status) ? [...new Set(status)] : [status];
  if (sameSet(list, OPEN_STATUSES)) return { open: { $eq: 1 } };
  if (sameSet(list, CLOSED_STATUSES)) return { open: { $eq: 0 } };
  return list.length === 1 ? { status: { $eq: list[0] } } : { status: { $in: list } };
}

/**
 * The Mango selector of a queue, shaped for the complaints indexes: scope
 * (ownerId or branchId), then `open` or status, then the nextDue range.
 */
export function queueSelector({ filter, user, reference, nowMs, ids }: QueueQueryInput): MangoQuerySelector<ComplaintDoc> {
  const s: Record<string, unknown> = {};
  switch (filter.scope) {
    case 'mine':
      s.ownerId = { $eq: user?.id ?? '\u0000' };
      break;
    case 'team': {
      const teamId = user?.teamId;
      const members = teamId ? reference.users.filter((u) => u.teamId === teamId).map((u) => u.id) : [];
      if (user && !members.includes(user.id)) members.push(user.id);
      s.ownerId = { $in: members };
      break;
    }
    case 'branch':
      s.branchId = { $eq: user?.branchId ?? '\u0000' };
      break;
    case 'all':
      break;
  }
  Object.assign(s, statusPart(filter.status));
  const grade = oneOrMany(filter.grade);
  if (grade) s.grade = grade;
  const category = oneOrMany(filter.category);
  if (category) s.category = category;
  const now = new Date(nowMs).toISOString();
  if (filter.overdue) s.nextDue = { $lt: now };
  else if (filter.dueToday) s.nextDue = { $gte: now, $lt: endOfToday(nowMs, reference) };
  if (filter.overdue === false) s.nextDue = { $gte: now, $lte: NO_DEADLINE };
  // Only open complaints have a running clock, so a deadline range holds no others: saying so
  // lets the (scope, open, nextDue) index bound it and answer the count alone.
  else if ((filter.overdue || filter.dueToday) && filter.status === undefined) s.open = { $eq: 1 };
  if (ids) s.id = { $in: ids };
  return s as MangoQuerySelector<ComplaintDoc>;
}

export function queueSort(filter: QueueFilter): MangoQuerySortPart<ComplaintDoc>[] {
  // recency ascending is updatedAt descending (an index walks one way only).
  return filter.sort === 'updated' ? [{ recency: 'asc' }, { id: 'asc' }] : [{ nextDue: 'asc' }, { id: 'asc' }];
}
