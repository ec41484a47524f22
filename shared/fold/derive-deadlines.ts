import { computeDeadlines, type Deadlines } from '../deadlines/deadlines';
import type { ComplaintProjection } from './projection';
import type { FoldContext } from './context';
import { isOpenStatus } from './open-statuses';

/** The clocks follow from the folded state; recomputed after every change. */
export function deriveDeadlines(p: ComplaintProjection, ctx: FoldContext): Deadlines {
  if (p.receivedAt === null || p.grade === null) return {};
  const m = p.milestones;
  try {
    return computeDeadlines(
      {
        receivedAt: p.receivedAt,
        grade: p.grade,
        // The 二解 clock runs only when the lead's callback applies.
        ...(p.flags.secondResolution && m.notifiedAt !== null ? { notifiedAt: m.notifiedAt } : {}),
        ...(p.callbacks.lateRequest ? { callbackLateRequest: p.callbacks.lateRequest } : {}),
        callbackAttempts: p.callbacks.attempts.map((a) => a.at),
        ...(m.resolvedAt === null ? {} : { resolvedAt: m.resolvedAt }),
        ...(m.closedAt === null ? {} : { closedAt: m.closedAt }),
        extensionWorkingDays: p.flags.extensionDays,
        // Progress feedback is owed while the complaint is worked and not yet resolved.
        ...(isOpenStatus(p.status) && p.status !== 'resolved' ? { progressFrom: p.progressNotifiedAt ?? p.receivedAt } : {}),
      },
      ctx.policy,
      ctx.calendar,
    );
  } catch {
    // Only a calendar or policy that cannot place a date gets here; no clocks beats a crash.
    return {};
  }
}
