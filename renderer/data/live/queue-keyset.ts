import type { MangoQuerySelector } from 'rxdb';
import type { ComplaintDoc } from '../schema/complaints-schema';
import type { QueueCursor } from '../types/queue';

type Selector = MangoQuerySelector<ComplaintDoc>;
type Range = Record<string, string>;

/** Whether `value` lies within a Mango range on one string field ($eq, $gt, $gte, $lt, $lte only). */
function within(range: Range | undefined, value: string): boolean {
  if (!range) return true;
  if (range.$eq !== undefined && value !== range.$eq) return false;
  if (range.$gt !== undefined && !(value > range.$gt)) return false;
  if (range.$gte !== undefined && !(value >= range.$gte)) return false;
  if (range.$lt !== undefined && !(value < range.$lt)) return false;
  if (range.$lte !== undefined && !(value <= range.$lte)) return false;
  return true;
}

/** The range narrowed to values above `value`. */
function above(range: Range | undefined, value: string): Range {
  const out: Range = { ...(range ?? {}) };
  const lower = out.$gte ?? out.$gt;
  if (lower === undefined || lower <= value) {
    delete out.$gte;
    out.$gt = value;
  }
  return out;
}

/**
 * The rows of one queue part after a cursor, as two selectors that each read
 * one exact index range in order, so the storage stops after the page:
 * rows with the cursor's sort key and a larger id (every index ends with the
 * id), then rows with a larger sort key. A Mango $or over both would not be
 * bounded by any index. Null parts are empty and need no query.
 */
export function afterCursor(part: Selector, key: 'nextDue' | 'recency', cursor: QueueCursor): { same: Selector | null; later: Selector } {
  const fields = part as Record<string, unknown>;
  const range = fields[key] as Range | undefined;
  const idIn = (fields.id as { $in?: string[] } | undefined)?.$in;
  let same: Selector | null = null;
  if (within(range, cursor.key)) {
    const id = idIn ? { $in: idIn.filter((x) => x > cursor.id) } : { $gt: cursor.id };
    if (!idIn || id.$in!.length > 0) same = { ...fields, [key]: { $eq: cursor.key }, id } as Selector;
  }
  return { same, later: { ...fields, [key]: above(range, cursor.key) } as Selector };
}
