import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { addCalendarDays, localDay, zonedInstant } from '../../../shared/calendar/calendar';
import type { ComplaintDoc } from '../schema/complaints-schema';
import { NO_DEADLINE } from '../schema/complaints-schema';
import type { QueueFilter, Reference, SessionUser } from '../types';

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

/**
 * The Mango selector of a queue. Scope fields come first so RxDB's planner
 * can pick the (scope, status, nextDue) indexes.
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
  const status = oneOrMany(filter.status);
  if (status) s.status = status;
  const grade = oneOrMany(filter.grade);
  if (grade) s.grade = grade;
  const category = oneOrMany(filter.category);
  if (category) s.category = category;
  const now = new Date(nowMs).toISOString();
  if (filter.overdue) s.nextDue = { $lt: now };
  else if (filter.dueToday) s.nextDue = { $gte: now, $lt: endOfToday(nowMs, reference) };
  if (filter.overdue === false) s.nextDue = { $gte: now, $lte: NO_DEADLINE };
  if (ids) s.id = { $in: ids };
  return s as MangoQuerySelector<ComplaintDoc>;
}

export function queueSort(filter: QueueFilter): MangoQuerySortPart<ComplaintDoc>[] {
  return filter.sort === 'updated' ? [{ updatedAt: 'desc' }, { id: 'asc' }] : [{ nextDue: 'asc' }, { id: 'asc' }];
}
