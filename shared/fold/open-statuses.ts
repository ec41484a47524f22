import type { ComplaintStatus } from './projection';

/** Statuses in which the complaint is being worked: the queues' usual filter and the fold's "open". */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['registered', 'filed', 'callback_pending', 'in_progress', 'resolved'];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
