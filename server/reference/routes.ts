import type { FastifyInstance } from 'fastify';
import { authenticate } from '../auth/authenticate';
import type { AppContext } from '../context';
import { loadReferenceData } from './reference-data';
import { referenceVersion } from './settings-store';

export function registerReferenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/reference', async (request, reply) => {
    await authenticate(ctx.db, request);
    const version = await referenceVersion(ctx.db);
    const etag = `"ref-${version}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return loadReferenceData(ctx.db);
  });
}
