import type { ComplaintProjection } from '../../../shared/fold/projection';
import { normalisePhone } from '../../../shared/rules/repeat-complaint';

/**
 * The caller's earlier complaints among search results: the same number
 * (however it was written), newest first, the complaint being registered
 * now left out. Search matches any 4+ digits, so other numbers are dropped.
 */
export function callerHistory(found: readonly ComplaintProjection[], phone: string, currentId: string | null): ComplaintProjection[] {
  const digits = normalisePhone(phone);
  if (digits.length < 4) return [];
  return found
    .filter((p) => p.id !== currentId && p.complainant && normalisePhone(p.complainant.phone) === digits)
    .sort((a, b) => (b.receivedAt ?? b.createdAt ?? '').localeCompare(a.receivedAt ?? a.createdAt ?? ''));
}
