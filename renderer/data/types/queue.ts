import type { ComplaintProjection, ComplaintStatus } from '../../../shared/fold/projection';
import type { Category, Grade } from '../../../shared/events/fields';

export type QueueScope = 'mine' | 'team' | 'branch' | 'all';
export type QueueSort = 'deadline' | 'updated';

export interface QueueFilter {
  /** mine: complaints I handle (assigned to me, or registered by me and not assigned);
   *  team: handled by a member of my team; branch: my branch; all: everything on this workstation. */
  scope: QueueScope;
  status?: ComplaintStatus | ComplaintStatus[];
  grade?: Grade | Grade[];
  category?: Category | Category[];
  /** A clock has passed. */
  overdue?: boolean;
  /** The nearest clock falls today (centre's time zone). */
  dueToday?: boolean;
  /** Same matching as useSearch. */
  text?: string;
  sort?: QueueSort;
  /** Page size, default 50. */
  limit?: number;
  /** Rows to skip, default 0: from the start, or with `after` from that row (a page a few pages past the last one read). */
  skip?: number;
  /** Keyset paging: the rows after this one in the queue's order (a previous page's `last`). */
  after?: QueueCursor;
}

/** A row's place in the queue's order: its sort key (nextDue or recency) and id. */
export interface QueueCursor {
  key: string;
  id: string;
}

export interface QueueResult {
  items: ComplaintProjection[];
  /** Rows matching the filter, all pages together. */
  count: number;
  loading: boolean;
  /** The page's last row, to ask for the next page with `after`; null when the page is empty. */
  last?: QueueCursor | null;
}

/** One page of the queue without the count (the grid counts once for all its pages). */
export interface QueuePageResult {
  items: ComplaintProjection[];
  /** The page's last row, to ask for the next page with `after`; null when the page is empty. */
  last: QueueCursor | null;
}
