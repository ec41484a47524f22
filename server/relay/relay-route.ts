import type { FastifyInstance } from 'fastify';
import { relayAnswerSchema, relayRequestSchema } from '../../shared/protocol/hub';
import { caller, withRole } from '../auth/guards';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { acceptEvents } from '../sync/accept';
import { prepare, safeKey } from '../sync/decide';
import { MAX_BODY_BYTES, parsePushBody, PushBodyError } from '../sync/wire';
import { branchActors } from './actors-store';
import { relayVerdicts } from './verdicts-store';

/**
 * `POST /api/sync/relay` (role `hub`): a branch hub's workstations' events,
 * unchanged, in the order the hub accepted them. Each is decided again as
 * its actor would be on a direct push (role, scope, the complaint's state),
 * within the hub's branch, and stored with the hub as its relayer. The
 * answer is central's verdict on every event, repeats included.
 */
export function registerRelayRoute(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  zodRoutes(app).post(
    '/api/sync/relay',
    {
      bodyLimit: MAX_BODY_BYTES,
      preValidation: withRole(db, ['hub']),
      schema: {
        tags: ['sync'],
        summary: "Relay a branch hub's events to the central server",
        body: relayRequestSchema,
        response: { 200: relayAnswerSchema },
      },
    },
    async (request) => {
      const hub = caller(request);
      let rows;
      try {
        rows = parsePushBody(request.body.events.map((doc) => ({ newDocumentState: doc })));
      } catch (err) {
        if (err instanceof PushBodyError) throw new HttpError(err.status, err.status === 413 ? 'too_large' : 'bad_request', err.message);
        throw err;
      }
      // Only ids the database can compare: an event naming a NUL or half a surrogate pair is refused by its schema check anyway.
      const actorIds = rows.map((r) => safeKey(r.doc.actorId)).filter((a): a is string => a !== null);
      const actors = await branchActors(db, hub.branchId, actorIds);
      const result = await acceptEvents(db, ctx.settings, { kind: 'relay', hub, actors }, rows);
      if (result.maxSeq !== null) {
        if (rows.some((r) => r.doc.type === 'complaint.redacted')) ctx.erasure.poke((err) => request.log.error({ err: String(err) }, 'erasure failed'));
        ctx.hub.poke();
        ctx.db.notify(String(result.maxSeq)).catch((err) => request.log.warn({ err: String(err) }, 'notify failed'));
      }
      ctx.metrics?.countRejected(result.rejectedReasons);
      request.log.info({ hub: hub.id, accepted: result.accepted, rejected: result.rejected, unchanged: result.unchanged }, 'relay');
      return { verdicts: await relayVerdicts(db, hub, prepare(rows)) };
    },
  );
}
