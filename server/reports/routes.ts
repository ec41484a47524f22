import type { FastifyInstance, FastifyRequest } from 'fastify';
import { reportQuerySchema, type ReportQuery } from '../../shared/protocol/reports';
import { computeAssessment } from '../../shared/reports/assessment';
import { directoryFrom } from '../../shared/reports/directory';
import { branchFilterAllowed, canSeeReports } from '../../shared/reports/scope';
import { computeSummary } from '../../shared/reports/summary';
import type { ReportInput } from '../../shared/reports/types';
import { caller } from '../auth/guards';
import { authenticate } from '../auth/authenticate';
import type { AuthUser } from '../auth/tokens';
import { projectionsInScope } from '../complaints/complaints-store';
import type { AppContext } from '../context';
import type { Sql } from '../db/db';
import { forbidden, notFound } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { loadReferenceData } from '../reference/reference-store';

/** preValidation: reports are for some roles only, whatever the query says. */
function reportReader(db: Sql) {
  return async (request: FastifyRequest): Promise<void> => {
    const user = await authenticate(db, request);
    if (!canSeeReports(user.role)) throw forbidden('Reports are for quality managers, supervisors and directors');
  };
}

/**
 * Everything a report is computed from, read the way pull scopes it: the
 * caller's branch unless their role sees every branch. The computation itself
 * is the shared one a workstation runs on its synced data.
 */
async function reportInput(ctx: AppContext, user: AuthUser, query: ReportQuery): Promise<ReportInput> {
  const viewer = { role: user.role, branchId: user.branchId ?? '' };
  // Another branch answers like an unknown one: no existence leaks.
  if (!branchFilterAllowed(viewer, query.filter.branchId)) throw notFound('No such branch');
  const [settings, reference, complaints] = await Promise.all([ctx.settings.current(), loadReferenceData(ctx.db), projectionsInScope(ctx.db, user)]);
  return {
    complaints,
    policy: settings.policy,
    calendar: settings.calendar,
    directory: directoryFrom(reference),
    viewer,
    period: query.period,
    filter: query.filter,
    now: Date.now(),
  };
}

/**
 * GET /api/reports/summary and /api/reports/assessment: the same figures a
 * workstation computes offline, for the caller's scope.
 */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const route = (summary: string) => ({ preValidation: reportReader(ctx.db), schema: { tags: ['reports'], summary, querystring: reportQuerySchema } });

  api.get('/api/reports/summary', route('Complaint figures of a period: received, timeliness, handling time, rows'), async (request, reply) => {
    const input = await reportInput(ctx, caller(request), request.query);
    reply.header('cache-control', 'private, no-store');
    return computeSummary(input);
  });

  api.get('/api/reports/assessment', route("A period's assessment decisions by team, with exemption use"), async (request, reply) => {
    const input = await reportInput(ctx, caller(request), request.query);
    reply.header('cache-control', 'private, no-store');
    return computeAssessment(input);
  });
}
