import { useEffect } from 'react';
import type { ComplaintProjection } from '../../shared/fold/projection';
import type { QueueFilter } from '../data/types/queue';
import { useQueue } from '../hooks/use-queue';

interface Props {
  filter: QueueFilter;
  skip: number;
  limit: number;
  onData(skip: number, items: ComplaintProjection[], count: number): void;
}

/**
 * One live page of the queue. The grid mounts a page for each stretch of rows
 * on screen, so 50,000 complaints never load at once and each page still
 * updates live; it renders nothing itself.
 */
export function QueuePage({ filter, skip, limit, onData }: Props) {
  const result = useQueue({ ...filter, skip, limit });
  useEffect(() => {
    if (!result.loading) onData(skip, result.items, result.count);
  }, [result, skip, onData]);
  return null;
}
