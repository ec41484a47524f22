import type { FastifyInstance } from 'fastify';
import { workstationCodeAnswerSchema, workstationRegistrationSchema } from '../../shared/protocol/workstations';
import { seesAllBranches } from '../../shared/roles';
import { branchExists } from '../admin/branches-store';
import { caller, signedIn } from '../auth/guards';
import type { AppContext } from '../context';
import { badRequest, HttpError, notFound } from '../http/errors';
import { RateCounter } from '../http/rate-counter';
import { zodRoutes } from '../http/zod';
import { existingCode, registerWorkstation } from './workstations-store';

const HOUR_MS = 3_600_000;

/**
 * POST /api/workstations: the workstation's code for complaint numbers,
 * unique in the branch, the same on every call for one workstation id.
 */
export function registerWorkstationRoutes(app: FastifyInstance, ctx: AppContext): void {
  // In the database, so the limit holds across processes; each new code takes one of the branch's few.
  const limiter = new RateCounter(ctx.db, 'workstation', HOUR_MS);
  zodRoutes(app).post(
    '/api/workstations',
    {
      preValidation: signedIn(ctx.db),
      config: { invalid: { code: 'invalid' } },
      schema: {
        tags: ['workstations'],
        summary: "This workstation's code for complaint numbers in a branch",
        body: workstationRegistrationSchema,
        response: { 200: workstationCodeAnswerSchema, 201: workstationCodeAnswerSchema },
      },
    },
    async (request, reply) => {
      const user = caller(request);
      const { workstationId } = request.body;
      let branchId = user.branchId;
      if (request.body.branchId !== undefined) {
        // Naming another branch is indistinguishable from naming one that does not exist.
        if (!seesAllBranches(user.role) && request.body.branchId !== user.branchId) throw notFound('Unknown branch');
        branchId = request.body.branchId;
      }
      if (!branchId) throw badRequest('This user belongs to no branch: name one with branchId', 'branch_required');
      if (!(await branchExists(ctx.db, branchId))) throw notFound('Unknown branch');
      // A workstation asking again for its code is no new registration.
      const known = await existingCode(ctx.db, branchId, workstationId);
      if (known) return reply.status(200).send({ workstationId, branchId, code: known });
      // Claimed before registering (in the database, so parallel calls each count); a race lost to the same id gives it back.
      const key = [{ key: user.id, limit: ctx.config.workstationRegistrationsPerHour }];
      const wait = await limiter.take(key);
      if (wait > 0) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
        throw new HttpError(429, 'rate_limited', 'Too many new workstations registered; try again later');
      }
      const result = await registerWorkstation(ctx.db, branchId, workstationId, user.id);
      if (!result.created) await limiter.refund([user.id]);
      return reply.status(result.created ? 201 : 200).send({ workstationId, branchId, code: result.code });
    },
  );
}
