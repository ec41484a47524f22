import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { seesAllBranches } from '../../shared/roles';
import { authenticate } from '../auth/authenticate';
import type { AppContext } from '../context';
import { badRequest, notFound } from '../http/errors';
import { registerWorkstation } from './register';

const bodySchema = z.strictObject({
  /** The id the workstation generated for itself on first run (a UUID). */
  workstationId: z.string().min(8).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/),
  /** Only for roles that see every branch; others register in their own branch. */
  branchId: z.string().min(1).max(64).optional(),
});

/**
 * POST /api/workstations: the workstation's code for complaint numbers,
 * unique in the branch, the same on every call for one workstation id.
 */
export function registerWorkstationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/workstations', async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    const parsed = bodySchema.safeParse(request.body);
    if (!parsed.success) throw badRequest('Send {"workstationId"} (8–100 letters, digits, . _ : -)', 'invalid');
    const { workstationId } = parsed.data;
    let branchId = user.branchId;
    if (parsed.data.branchId !== undefined) {
      // Naming another branch is indistinguishable from naming one that does not exist.
      if (!seesAllBranches(user.role) && parsed.data.branchId !== user.branchId) throw notFound('Unknown branch');
      branchId = parsed.data.branchId;
    }
    if (!branchId) throw badRequest('This user belongs to no branch: name one with branchId', 'branch_required');
    const exists = await ctx.db.query('select 1 from branches where id = $1', [branchId]);
    if (!exists.length) throw notFound('Unknown branch');
    const result = await registerWorkstation(ctx.db, branchId, workstationId, user.id);
    return reply.status(result.created ? 201 : 200).send({ workstationId, branchId, code: result.code });
  });
}
