import type { FastifyInstance } from 'fastify';
import { signedIn } from '../auth/guards';
import type { AppContext } from '../context';
import { zodRoutes } from '../http/zod';
import { loadReferenceData } from './reference-store';
import { referenceVersion } from './settings-store';

export function registerReferenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  zodRoutes(app).get(
    '/api/reference',
    {
      preValidation: signedIn(ctx.db),
      schema: {
        tags: ['reference'],
        summary: 'Directory, branches, teams, policy, calendar and scripts (ETag; If-None-Match answers 304)',
      },
    },
    async (request, reply) => {
      const version = await referenceVersion(ctx.db);
      const etag = `"ref-${version}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return loadReferenceData(ctx.db);
    },
  );
}
