import type { RxConflictHandler } from 'rxdb';
import type { EventDoc } from './events-schema';

/**
 * Events are immutable, so a conflict only ever means the server knows more
 * about the same event: its status (accepted / rejected with a reason) and
 * sequence. The master state always wins, so a rejection shows locally.
 */
export const eventsConflictHandler: RxConflictHandler<EventDoc> = {
  isEqual(a, b) {
    return (
      a.id === b.id &&
      a.status === b.status &&
      a.seq === b.seq &&
      a.hlc === b.hlc &&
      a.reason?.code === b.reason?.code &&
      a._deleted === b._deleted
    );
  },
  resolve(input) {
    return Promise.resolve(input.realMasterState);
  },
};
