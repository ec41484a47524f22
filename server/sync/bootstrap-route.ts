import type { FastifyInstance } from 'fastify';
import { bootstrapPageSchema, bootstrapQuerySchema } from '../../shared/protocol/bootstrap';
import { caller, signedIn } from '../auth/guards';
import type { AppContext } from '../context';
import { sendJsonText } from '../http/json-text';
import { zodRoutes } from '../http/zod';
import { bootstrapComplaintsAfter, bootstrapTotals, rejectedUpTo } from './bootstrap-store';
import { maxFeedSeq } from './feed';

/**
 * The first sync of an empty replica (shared/protocol/bootstrap.ts): pages of
 * complaints, each with its events, up to a feed position fixed by the first
 * page. Every feed row at or below the highest committed one is committed
 * (push takes the sequence lock last and holds it through its commit), so
 * the ordinary pull from that position misses nothing. The answer is
 * assembled as JSON text from the stored documents by the database (Node
 * only joins a page's complaints), and validated by the workstation against bootstrapPageSchema.
 */
export function registerBootstrapRoute(app: FastifyInstance, ctx: AppContext): void {
  zodRoutes(app).get(
    '/api/sync/bootstrap',
    {
      preValidation: signedIn(ctx.db),
      schema: {
        tags: ['sync'],
        summary: "An empty replica's first sync, complaint by complaint",
        querystring: bootstrapQuerySchema,
        response: { 200: bootstrapPageSchema },
      },
    },
    async (request, reply) => {
      const user = caller(request);
      const { after, limit } = request.query;
      const first = request.query.upTo === undefined;
      const upTo = request.query.upTo ?? (await maxFeedSeq(ctx.db));
      // All bounded by upTo, so they need no common snapshot: on PostgreSQL they run side by side on the pool's connections.
      const [complaints, rejected, totals] = await Promise.all([
        bootstrapComplaintsAfter(ctx.db, user, after ?? '', limit, upTo),
        first ? rejectedUpTo(ctx.db, user, upTo) : [],
        first ? bootstrapTotals(ctx.db, user, upTo) : null,
      ]);
      const total = totals ? JSON.stringify(totals) : 'null';
      const next = complaints.length === limit ? JSON.stringify(complaints[complaints.length - 1]?.id) : 'null';
      return sendJsonText(
        reply,
        `{"upTo":${upTo},"complaints":[${complaints.map((c) => c.json).join(',')}],"rejected":[${rejected.join(',')}],"next":${next},"total":${total}}`,
      );
    },
  );
}
