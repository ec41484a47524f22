import { useEffect } from 'react';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { QueueCursor, QueueFilter } from '../data/types/queue';
import { useQueuePage } from '../hooks/use-queue-page';

interface Props {
  filter: QueueFilter;
  skip: number;
  limit: number;
  /** The previous page's last row, once known: the page is then read after it (keyset) instead of by skipping. */
  after?: QueueCursor;
  /** Rows between `after` and this page (it goes on from a page further back). */
  afterSkip?: number;
  onData(skip: number, items: ComplaintProjection[], last: QueueCursor | null): void;
}

/**
 * One live page of the queue. The grid mounts a page for each stretch of rows
 * on screen, so 50,000 complaints never load at once and each page still
 * updates live; it renders nothing itself. Pages do not count: the grid
 * counts once for all of them.
 */
export function QueuePage({ filter, skip, limit, after, afterSkip, onData }: Props) {
  const result = useQueuePage(after ? { ...filter, after, skip: afterSkip ?? 0, limit } : { ...filter, skip, limit });
  useEffect(() => {
    if (result) onData(skip, result.items, result.last);
  }, [result, skip, onData]);
  return null;
}
