import type { FastifyInstance } from 'fastify';
import { hubCheckinRequestSchema, hubDirectorySchema, hubLinksAnswerSchema } from '../../shared/protocol/hub';
import { seesAllBranches } from '../../shared/roles';
import { caller, withRole } from '../auth/guards';
import type { AppContext } from '../context';
import { zodRoutes } from '../http/zod';
import { listHubLinks, recordContact } from './contacts-store';
import { hubDirectory } from './directory-store';

/**
 * Central's side of a branch hub besides the relay: its check-in (recorded
 * for admins and supervisors, answered with what the branch needs to work
 * alone), and the list of hubs with their link.
 */
export function registerHubRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const api = zodRoutes(app);
  api.post(
    '/api/sync/hub/checkin',
    {
      preValidation: withRole(db, ['hub']),
      schema: {
        tags: ['sync'],
        summary: 'A branch hub checks in: its backlog; answered with its branch directory and reference data',
        body: hubCheckinRequestSchema,
        response: { 200: hubDirectorySchema },
      },
    },
    async (request) => {
      const hub = caller(request);
      await recordContact(db, hub.id, request.body.pendingUp);
      return hubDirectory(db, hub.branchId ?? '');
    },
  );

  api.get(
    '/api/hubs',
    {
      preValidation: withRole(db, ['admin', 'supervisor', 'director']),
      schema: { tags: ['admin'], summary: "Each branch hub's link to this server", response: { 200: hubLinksAnswerSchema } },
    },
    async (request) => {
      const user = caller(request);
      return { items: await listHubLinks(db, seesAllBranches(user.role) ? null : user.branchId) };
    },
  );
}
