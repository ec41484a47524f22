import type { FastifyInstance, FastifyReply } from 'fastify';
import { authenticate } from '../auth/authenticate';
import { userForToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { badRequest, errorBody } from '../http/errors';
import { acceptEvents } from './accept';
import { pullFeed } from './feed';
import { registerLookupRoute } from './lookup-route';
import { registerBootstrapRoute } from './bootstrap-route';
import { MAX_BODY_BYTES, parsePushBody, PushBodyError } from './wire';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;

function intParam(name: string, raw: unknown, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw badRequest(`${name} must be a whole number`);
  const n = Number(raw);
  if (n < min) throw badRequest(`${name} must be at least ${min}`);
  return n;
}

function sendJsonText(reply: FastifyReply, text: string) {
  return reply.type('application/json; charset=utf-8').send(text);
}

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerLookupRoute(app, ctx);
  registerBootstrapRoute(app, ctx);
  app.post('/api/sync/events/push', { bodyLimit: MAX_BODY_BYTES }, async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    let rows;
    try {
      rows = parsePushBody(request.body);
    } catch (err) {
      if (err instanceof PushBodyError) {
        return reply.status(err.status).send(errorBody(err.status === 413 ? 'too_large' : 'bad_request', err.message));
      }
      throw err;
    }
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
  });

  app.get('/api/sync/events/pull', async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    const q = request.query as Record<string, unknown>;
    const after = intParam('seq', q.seq, 0, 0);
    const limit = Math.min(MAX_LIMIT, intParam('limit', q.limit, DEFAULT_LIMIT, 1));
    const entries = await pullFeed(ctx.db, user, after, limit);
    const checkpoint = entries.length ? (entries[entries.length - 1] as { fseq: number }).fseq : after;
    // serverTime: read after the page, so a workstation can keep its clock's stamps within the skew bound.
    return sendJsonText(
      reply,
      `{"documents":[${entries.map((e) => e.json).join(',')}],"checkpoint":{"seq":${checkpoint}},"serverTime":"${new Date().toISOString()}"}`,
    );
  });

  app.get('/api/sync/events/stream', async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    const token = request.authToken ?? '';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) {
      if (typeof v === 'string') headers[k] = v;
      else if (typeof v === 'number') headers[k] = String(v);
    }
    reply.hijack();
    ctx.hub.subscribe(user, reply.raw, headers, async () => (await userForToken(ctx.db, token)) !== null);
  });
}
