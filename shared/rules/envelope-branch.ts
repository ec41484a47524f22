import type { ComplaintProjection } from '../fold/projection';

/** A moment the complaint's branch was set: its creation or an applied transfer, by HLC. */
export interface BranchMark {
  hlc: string;
  branchId: string;
}

/**
 * Where a complaint's branch was set, in the fold's order: the creation's
 * envelope branch, then each transfer the fold applied (a refused or
 * superseded transfer moved nothing).
 */
export function branchMarks(p: Pick<ComplaintProjection, 'events' | 'timeline'>): BranchMark[] {
  const applied = new Set(p.timeline.filter((t) => t.state === 'applied').map((t) => t.eventId));
  const marks: BranchMark[] = [];
  for (const e of p.events) {
    if (e.type === 'complaint.created' && marks.length === 0) marks.push({ hlc: e.hlc, branchId: e.branchId });
    else if (e.type === 'complaint.transferred' && applied.has(e.id)) {
      marks.push({ hlc: e.hlc, branchId: (e.payload as { toBranchId: string }).toBranchId });
    }
  }
  return marks;
}

/**
 * The sync protocol's envelope `branchId` is "the complaint's branch when
 * written": the branch set by the last mark stamped before the event. A
 * writer who sees every branch (a director) could otherwise file an event
 * under a branch the complaint was never in, where that branch's reports and
 * replicas would count it. Marks need not be sorted. An event stamped
 * before every mark (a clock behind) takes the earliest one's branch; null
 * without marks.
 */
export function branchWhenWritten(marks: readonly BranchMark[], hlc: string): string | null {
  let best: BranchMark | null = null;
  let earliest: BranchMark | null = null;
  for (const m of marks) {
    if (m.hlc < hlc && (best === null || m.hlc > best.hlc)) best = m;
    if (earliest === null || m.hlc < earliest.hlc) earliest = m;
  }
  return (best ?? earliest)?.branchId ?? null;
}
