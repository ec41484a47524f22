import type { FastifyInstance, FastifyRequest } from 'fastify';
import { lookupAnswerSchema, lookupRequestSchema, MAX_PUSH_ROWS, pullPageSchema, pullQuerySchema, pushAnswerSchema } from '../../shared/protocol/events';
import { caller, signedIn } from '../auth/guards';
import { userForToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { sendJsonText } from '../http/json-text';
import { zodRoutes } from '../http/zod';
import { acceptEvents } from './accept';
import { registerBootstrapRoute } from './bootstrap-route';
import { pullFeed } from './feed';
import { lookUpEvents } from './lookup-store';
import { MAX_BODY_BYTES, pushBodySchema, pushRows, TOO_MANY_ROWS } from './wire';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;
/** 500 ids of at most 200 characters, with JSON quoting to spare. */
const LOOKUP_BODY_BYTES = 256 * 1024;

/** preValidation: a push of more rows than the protocol allows is too large (413), not malformed. */
async function atMostPushRows(request: FastifyRequest): Promise<void> {
  if (Array.isArray(request.body) && request.body.length > MAX_PUSH_ROWS) throw new HttpError(413, 'too_large', TOO_MANY_ROWS);
}

/** The sync protocol (docs/protocol.md): push, pull, the live stream, and this server's lookup and bootstrap. */
export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const tags = ['sync'];
  registerBootstrapRoute(app, ctx);

  api.post(
    '/api/sync/events/push',
    {
      bodyLimit: MAX_BODY_BYTES,
      preValidation: [signedIn(ctx.db), atMostPushRows],
      schema: {
        tags,
        summary: 'Push events: the answer holds the documents the client must take as master state (conflicts and rejections)',
        body: pushBodySchema,
        response: { 200: pushAnswerSchema },
      },
    },
    async (request, reply) => {
      const user = caller(request);
      const rows = pushRows(request.body);
      // On a branch hub, what it accepts waits to be relayed to central (and central's verdict is final).
      const result = await acceptEvents(ctx.db, ctx.settings, { kind: 'user', user }, rows, new Date(), { relayUp: ctx.upstream !== undefined });
      ctx.metrics?.countRejected(result.rejectedReasons);
      if (result.accepted + result.rejected > 0) ctx.upstream?.poke();
      if (result.maxSeq !== null) {
        // A redaction among the accepted events: scrub the stored copies right after (server/erasure).
        if (rows.some((r) => r.doc.type === 'complaint.redacted')) ctx.erasure.poke((err) => request.log.error({ err: String(err) }, 'erasure failed'));
        ctx.hub.poke();
        ctx.db.notify(String(result.maxSeq)).catch((err) => request.log.warn({ err: String(err) }, 'notify failed'));
      }
      request.log.info(
        { accepted: result.accepted, rejected: result.rejected, unchanged: result.unchanged, conflicts: result.returned.length - result.rejected },
        'push',
      );
      return sendJsonText(reply, `[${result.returned.join(',')}]`);
    },
  );

  api.get(
    '/api/sync/events/pull',
    {
      preValidation: signedIn(ctx.db),
      schema: {
        tags,
        summary: `The caller's events after a checkpoint, in feed order (at most ${MAX_LIMIT} a page, ${DEFAULT_LIMIT} unless asked)`,
        querystring: pullQuerySchema,
        response: { 200: pullPageSchema },
      },
    },
    async (request, reply) => {
      const after = request.query.seq ?? 0;
      const limit = Math.min(MAX_LIMIT, request.query.limit ?? DEFAULT_LIMIT);
      const entries = await pullFeed(ctx.db, caller(request), after, limit);
      const checkpoint = entries.length ? (entries[entries.length - 1] as { fseq: number }).fseq : after;
      // serverTime: read after the page, so a workstation can keep its clock's stamps within the skew bound.
      return sendJsonText(
        reply,
        `{"documents":[${entries.map((e) => e.json).join(',')}],"checkpoint":{"seq":${checkpoint}},"serverTime":"${new Date().toISOString()}"}`,
      );
    },
  );

  api.get(
    '/api/sync/events/stream',
    {
      preValidation: signedIn(ctx.db),
      schema: { tags, summary: 'Server-sent events: pages of documents as they are accepted, or RESYNC (shared/protocol/sse.ts)' },
    },
    async (request, reply) => {
      const user = caller(request);
      const token = request.authToken ?? '';
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(reply.getHeaders())) {
        if (typeof v === 'string') headers[k] = v;
        else if (typeof v === 'number') headers[k] = String(v);
      }
      reply.hijack();
      ctx.hub.subscribe(user, reply.raw, headers, async () => (await userForToken(ctx.db, token)) !== null);
    },
  );

  /*
   * Extension of the sync protocol: the stored state of events by id. A
   * client whose push answer was lost re-pushes, gets "unchanged" (no
   * conflict), and would otherwise never learn the status the server gave
   * the first time. Each id answers as a push conflict would.
   */
  api.post(
    '/api/sync/events/lookup',
    {
      bodyLimit: LOOKUP_BODY_BYTES,
      preValidation: signedIn(ctx.db),
      schema: { tags, summary: 'The stored state of events by id, as the caller may see them', body: lookupRequestSchema, response: { 200: lookupAnswerSchema } },
    },
    async (request, reply) => {
      const docs = await lookUpEvents(ctx.db, caller(request), request.body.ids);
      return sendJsonText(reply, `{"documents":[${docs.join(',')}]}`);
    },
  );
}
