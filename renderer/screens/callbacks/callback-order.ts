import type { ComplaintProjection } from '../../../shared/fold/projection';

export type CallbackStage = 'overdue' | 'due' | 'noted';

/** Where a pending callback stands: its note written (awaiting the officer), overdue, or still due. */
export function callbackStage(c: ComplaintProjection, now: string): CallbackStage {
  if (c.callbacks.midCourseNote !== null) return 'noted';
  const due = c.deadlines.callback;
  return typeof due === 'string' && Date.parse(due) <= Date.parse(now) ? 'overdue' : 'due';
}

const RANK: Record<CallbackStage, number> = { overdue: 0, due: 1, noted: 2 };

/**
 * The lead's callbacks in the order to make them: overdue first, then by
 * due time, soonest first; those whose note is written (nothing left to do
 * but wait for the officer) last. Ties keep the number order.
 */
export function orderCallbacks(items: readonly ComplaintProjection[], now: string): ComplaintProjection[] {
  const due = (c: ComplaintProjection) => {
    const d = c.deadlines.callback;
    return typeof d === 'string' ? Date.parse(d) : Number.POSITIVE_INFINITY;
  };
  return [...items].sort(
    (a, b) =>
      RANK[callbackStage(a, now)] - RANK[callbackStage(b, now)] || due(a) - due(b) || a.number.localeCompare(b.number),
  );
}

/** Handed back to the officer after the last unreached attempt, and whether the lead has noted it since. */
export function handedBack(c: ComplaintProjection): { noted: boolean } | null {
  if (!c.flags.callbackUnreachable) return null;
  const last = c.callbacks.attempts.at(-1);
  const noted = last ? c.notes.some((n) => Date.parse(n.at) >= Date.parse(last.at)) : false;
  return { noted };
}
