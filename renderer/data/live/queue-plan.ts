import type { MangoQuerySelector } from 'rxdb';
import { isOpenStatus, type ComplaintDoc } from '../schema/complaints-schema';

type Selector = MangoQuerySelector<ComplaintDoc>;
type Fields = Record<string, unknown>;

/** Beyond this many parts one query over the whole range is cheaper than many small ones. */
export const MAX_PARTS = 48;

export interface QueuePlan {
  /** Disjoint selectors whose sorted pages merge into the queue's page. */
  pages: Selector[];
  /** Disjoint selectors whose counts add up to the queue's count. */
  counts: Selector[];
}

const inValues = (fields: Fields, field: string): unknown[] | null => {
  const m = fields[field] as { $in?: unknown[] } | undefined;
  return m && Array.isArray(m.$in) && Object.keys(m).length === 1 ? [...new Set(m.$in)] : null;
};

/** Replaces the $in on `field` by one part per value; null when too many parts. */
function split(parts: Fields[], field: string): Fields[] | null {
  const values = inValues(parts[0] ?? {}, field);
  if (!values || values.length === 0) return parts;
  if (parts.length * values.length > MAX_PARTS) return null;
  return parts.flatMap((p) => values.map((v) => ({ ...p, [field]: { $eq: v } })));
}

/**
 * How a queue selector runs against the complaints indexes, all of which are
 * (scope, open or status, nextDue | recency). RxDB reads an $in as one
 * index range from its smallest to its largest value, which neither bounds
 * the rows nor gives the order, so:
 *
 * - pages: one query per owner (team scope), each in index order so the
 *   storage stops after skip + limit rows. A set of statuses that are all
 *   open (or all ended) walks (scope, open, order) and filters the status
 *   on the way, instead of one query per status each reading skip + limit
 *   rows; a scoped queue of every status reads open ones, then ended ones.
 * - counts: one per owner and status, each an exact index range that the
 *   storage counts without reading a document.
 *
 * Too many parts (a large team) leave the selector whole.
 */
export function queuePlan(selector: Selector): QueuePlan {
  const fields = selector as Fields;
  const whole = { pages: [selector], counts: [selector] };
  let base: Fields = { ...fields };
  const statuses = inValues(fields, 'status');
  const scoped = !!(fields.ownerId || fields.branchId);

  let pages: Fields[] | null;
  if (statuses && !fields.open) {
    const buckets = new Set(statuses.map((s) => (isOpenStatus(String(s)) ? 1 : 0)));
    pages = buckets.size === 1 ? [{ ...base, open: { $eq: [...buckets][0] } }] : split([base], 'status');
  } else if (scoped && !fields.open && !fields.status) {
    pages = [{ ...base, open: { $eq: 1 } }, { ...base, open: { $eq: 0 } }];
  } else {
    pages = [base];
  }
  pages = pages && split(pages, 'ownerId');

  // A status equality implies the open key, and the (scope, status, …) indexes do not hold it.
  if (fields.status && fields.open) {
    const { open: _open, ...rest } = base;
    base = rest;
  }
  let counts: Fields[] | null = [base];
  if (scoped && !fields.open && !fields.status) counts = [{ ...base, open: { $eq: 1 } }, { ...base, open: { $eq: 0 } }];
  counts = counts && split(counts, 'status');
  counts = counts && split(counts, 'ownerId');

  return { pages: (pages ?? whole.pages) as Selector[], counts: (counts ?? whole.counts) as Selector[] };
}

type SortKey = 'nextDue' | 'recency';
interface Row {
  id: string;
  nextDue: string;
  recency: string;
}

/** The queue order (queueSort) as a comparator, for merging the parts' pages. */
export function compareRows(key: SortKey): (a: Row, b: Row) => number {
  return (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Merges sorted pages of disjoint parts into the page [skip, skip + limit) of the whole. */
export function mergePages<T extends Row>(pages: T[][], key: SortKey, skip: number, limit: number): T[] {
  if (pages.length === 1) return pages[0]!.slice(skip, skip + limit);
  return pages.flat().sort(compareRows(key)).slice(skip, skip + limit);
}
