import type { FastifyInstance } from 'fastify';
import { bootstrapPageSchema, bootstrapQuerySchema } from '../../shared/protocol/bootstrap';
import { caller, signedIn } from '../auth/guards';
import type { AppContext } from '../context';
import { sendJsonText } from '../http/json-text';
import { zodRoutes } from '../http/zod';
import { bootstrapTotals, complaintIdsAfter, rejectedUpTo, scopedEventsOf } from './bootstrap-store';
import { maxFeedSeq } from './feed';

/**
 * The first sync of an empty replica (shared/protocol/bootstrap.ts): pages of
 * complaints, each with its events, up to a feed position fixed by the first
 * page. Every feed row at or below the highest committed one is committed
 * (push takes the sequence lock last and holds it through its commit), so
 * the ordinary pull from that position misses nothing. The answer is
 * assembled as JSON text from the stored documents, as pull's is, and
 * validated by the workstation against bootstrapPageSchema.
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
      const ids = await complaintIdsAfter(ctx.db, after ?? '', limit);
      const events = await scopedEventsOf(ctx.db, user, ids, upTo);
      const complaints = ids.flatMap((id) => {
        const list = events.get(id);
        return list?.length ? [`{"id":${JSON.stringify(id)},"events":[${list.join(',')}]}`] : [];
      });
      const rejected = first ? await rejectedUpTo(ctx.db, user, upTo) : [];
      const total = first ? JSON.stringify(await bootstrapTotals(ctx.db, user, upTo)) : 'null';
      const next = ids.length === limit ? JSON.stringify(ids[ids.length - 1]) : 'null';
      return sendJsonText(
        reply,
        `{"upTo":${upTo},"complaints":[${complaints.join(',')}],"rejected":[${rejected.join(',')}],"next":${next},"total":${total}}`,
      );
    },
  );
}
