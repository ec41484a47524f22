import type { FastifyInstance } from 'fastify';
import { withoutEvents } from '../../shared/fold/projection';
import { inScope } from '../../shared/rules/permissions';
import { caller, signedIn } from '../auth/guards';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { complaintIdParamsSchema, complaintListQuerySchema, encodeCursor, repeatCheckBodySchema } from './complaints-schemas';
import { complaintRow, listComplaintRows } from './complaints-store';
import { currentProjections } from './refold';
import { priorComplaints, repeatCheckAllowance } from './repeat-check';

/**
 * The server's projection of each complaint (the shared fold of its accepted
 * events), read-only and scoped, and the repeat-complaint check intake asks.
 */
export function registerComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const tags = ['complaints'];

  api.get(
    '/api/complaints/:id',
    {
      preValidation: signedIn(ctx.db),
      // An id that cannot be stored names no complaint: answered like an unknown one.
      config: { invalid: { status: 404, code: 'not_found', message: 'No such complaint' } },
      schema: { tags, summary: "A complaint's current projection, without its events", params: complaintIdParamsSchema },
    },
    async (request) => {
      const user = caller(request);
      const row = await complaintRow(ctx.db, request.params.id);
      // Out of scope answers exactly like unknown: no existence leaks.
      if (!row || !inScope({ role: user.role, branchId: user.branchId ?? '' }, row.branch_id)) {
        throw notFound('No such complaint');
      }
      const [p] = await currentProjections(ctx.db, await ctx.settings.current(), [row]);
      return withoutEvents(p!);
    },
  );

  api.get(
    '/api/complaints',
    {
      preValidation: signedIn(ctx.db),
      schema: { tags, summary: 'Complaints in scope, newest first, a page at a time', querystring: complaintListQuerySchema },
    },
    async (request) => {
      const user = caller(request);
      const q = request.query;
      const filter = { branchId: q.branchId, statuses: q.status, grades: q.grade, overdue: q.overdue, beforeSeq: q.cursor };
      const rows = await listComplaintRows(ctx.db, user, filter, new Date(), q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const items = await currentProjections(ctx.db, await ctx.settings.current(), page);
      return {
        items: items.map(withoutEvents),
        nextCursor: rows.length > q.limit && last ? encodeCursor(Number(last.first_seq)) : null,
      };
    },
  );

  /*
   * A POST so the phone travels in the body, which no access log records;
   * a refused body is answered without echoing it.
   */
  api.post(
    '/api/complaints/repeat-check',
    {
      preValidation: [signedIn(ctx.db), repeatCheckAllowance(ctx.db)],
      config: { invalid: { code: 'invalid', message: 'Send {"phone","category"} (a phone of up to 40 characters, a known category)' } },
      schema: {
        tags,
        summary: 'Earlier complaints with this phone and category inside the repeat window, in scope',
        body: repeatCheckBodySchema,
      },
    },
    async (request) => {
      const { policy } = await ctx.settings.current();
      const windowDays = policy.repeatComplaint.windowDays;
      return { windowDays, items: await priorComplaints(ctx.db, caller(request), request.body, windowDays, new Date()) };
    },
  );
}
