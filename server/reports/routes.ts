import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { computeAssessment } from '../../shared/reports/assessment';
import { checkPeriod } from '../../shared/reports/period';
import { branchFilterAllowed, canSeeReports } from '../../shared/reports/scope';
import { computeSummary } from '../../shared/reports/summary';
import { directoryFrom } from '../../shared/reports/directory';
import type { ReportFilter, ReportInput } from '../../shared/reports/types';
import { seesAllBranches } from '../../shared/roles';
import { authenticate } from '../auth/authenticate';
import type { AppContext } from '../context';
import { badRequest, forbidden, notFound } from '../http/errors';
import { loadReferenceData } from '../reference/reference-store';

const MAX_ID = 64;

function optionalId(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || v.length > MAX_ID || v.includes('\u0000') || !v.isWellFormed()) throw badRequest(`${name} is malformed`);
  return v;
}

/**
 * Everything a report is computed from, read the way pull scopes it: the
 * caller's branch unless their role sees every branch. The computation itself
 * is the shared one a workstation runs on its synced data.
 */
async function reportInput(ctx: AppContext, request: FastifyRequest): Promise<ReportInput> {
  const user = await authenticate(ctx.db, request);
  if (!canSeeReports(user.role)) throw forbidden('Reports are for quality managers, supervisors and directors');
  const q = request.query as Record<string, unknown>;
  const checked = checkPeriod(q.from, q.to);
  if (!checked.ok) throw badRequest(checked.message);
  const filter: ReportFilter = {};
  const branchId = optionalId(q, 'branchId');
  const teamId = optionalId(q, 'teamId');
  const agentId = optionalId(q, 'agentId');
  if (branchId !== undefined) filter.branchId = branchId;
  if (teamId !== undefined) filter.teamId = teamId;
  if (agentId !== undefined) filter.agentId = agentId;
  const viewer = { role: user.role, branchId: user.branchId ?? '' };
  // Another branch answers like an unknown one: no existence leaks.
  if (!branchFilterAllowed(viewer, branchId)) throw notFound('No such branch');

  const [settings, reference, rows] = await Promise.all([
    ctx.settings.current(),
    loadReferenceData(ctx.db),
    seesAllBranches(user.role)
      ? ctx.db.query<{ projection: string }>('select projection from complaints')
      : ctx.db.query<{ projection: string }>('select projection from complaints where branch_id = $1', [viewer.branchId]),
  ]);
  return {
    complaints: rows.map((r) => JSON.parse(r.projection) as ComplaintProjection),
    policy: settings.policy,
    calendar: settings.calendar,
    directory: directoryFrom(reference),
    viewer,
    period: checked.period,
    filter,
    now: Date.now(),
  };
}

/**
 * GET /api/reports/summary and /api/reports/assessment
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD[&branchId=&teamId=&agentId=]: the same
 * figures a workstation computes offline, for the caller's scope.
 */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/reports/summary', async (request, reply) => {
    const input = await reportInput(ctx, request);
    reply.header('cache-control', 'private, no-store');
    return computeSummary(input);
  });

  app.get('/api/reports/assessment', async (request, reply) => {
    const input = await reportInput(ctx, request);
    reply.header('cache-control', 'private, no-store');
    return computeAssessment(input);
  });
}
