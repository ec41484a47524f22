import { z } from 'zod';
import { isoDaySchema } from '../policy/policy';
import { checkPeriod } from '../reports/period';
import type { ReportFilter, ReportPeriod } from '../reports/types';
import { textParam } from './query-params';

/** A branch, team or agent id to narrow a report by; empty is the same as none. */
const filterId = textParam(64);

/**
 * `GET /api/reports/summary` and `/api/reports/assessment`
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD[&branchId=&teamId=&agentId=]`: a period of
 * real calendar days in order (`checkPeriod`), and the optional narrowing.
 */
export const reportQuerySchema = z
  .object({ from: isoDaySchema, to: isoDaySchema, branchId: filterId, teamId: filterId, agentId: filterId })
  .transform((q, ctx): { period: ReportPeriod; filter: ReportFilter } => {
    const checked = checkPeriod(q.from, q.to);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    const filter: ReportFilter = {};
    if (q.branchId !== undefined) filter.branchId = q.branchId;
    if (q.teamId !== undefined) filter.teamId = q.teamId;
    if (q.agentId !== undefined) filter.agentId = q.agentId;
    return { period: checked.period, filter };
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;
