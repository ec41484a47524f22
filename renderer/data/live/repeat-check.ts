import { map, of, switchMap, type Observable } from 'rxjs';
import type { Category } from '../../../shared/events/fields';
import type { DataStore } from '../store';
import type { ComplaintProjection } from '../types';
import { digitsOf } from '../projection/complaint-doc';
import { projectionOf } from './strip';

const DAY_MS = 86_400_000;
/** Fewer digits than this is not a phone number worth matching. */
const MIN_PHONE_DIGITS = 5;

/**
 * Earlier complaints with the same phone and category inside the policy's
 * repeat window, newest first. Local data only: the server's pull scope
 * already brings the branch's complaints to this workstation.
 */
export function repeatCheck$(store: DataStore, phone: string, category: Category): Observable<ComplaintProjection[]> {
  const digits = digitsOf(phone);
  if (digits.length < MIN_PHONE_DIGITS) return of([]);
  return store.reference$.pipe(
    switchMap((ref) => {
      const since = new Date(store.now() - ref.policy.repeatComplaint.windowDays * DAY_MS).toISOString();
      return store.db.complaints.find({
        selector: { phoneDigits: digits, createdAt: { $gte: since }, category },
        sort: [{ createdAt: 'desc' }],
        limit: 20,
      }).$;
    }),
    map((docs) => docs.map(projectionOf)),
  );
}
