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
  /** Rows to skip, default 0. */
  skip?: number;
}

export interface QueueResult {
  items: ComplaintProjection[];
  /** Rows matching the filter, all pages together. */
  count: number;
  loading: boolean;
}
