import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { erasureRequestSchema, type ErasurePage, type ErasureResult } from '../../shared/erasure/wire';
import { caller, withRole } from '../auth/guards';
import type { AppContext } from '../context';
import { badRequest, errorBody } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { listErasures } from './erasure-store';

const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
});

const encodeCursor = (receivedAt: string, id: string) => Buffer.from(`${receivedAt}|${id}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id, extra] = text.split('|');
  if (extra !== undefined || !at || !id || !/^[0-9T:.Z+-]{10,40}$/.test(at) || id.length > 200) {
    throw badRequest('cursor is not one this server gave', 'invalid');
  }
  return text;
}

/**
 * Erasure (admin only): erase a complaint's personal fields, and the record
 * of every erasure (admins' and supervisors' redactions from workstations,
 * and the retention rule's). docs/protocol.md, "Erasure".
 */
export function registerErasureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const admin = { preValidation: withRole(ctx.db, ['admin']), config: { invalid: { code: 'invalid' } } };
  api.post('/api/admin/erasures', { ...admin, schema: { tags: ['admin'], summary: "Erase a complaint's personal fields", body: erasureRequestSchema } }, async (request, reply) => {
    const user = caller(request);
    const body = request.body;
    const outcome = await ctx.erasure.erase(user, body);
    if (!outcome.ok) return reply.status(outcome.status).send(errorBody(outcome.code, outcome.message));
    const result: ErasureResult = { redactionId: outcome.redactionId, complaintId: outcome.complaintId, fields: outcome.fields, scrubbed: outcome.scrubbed };
    return reply.status(201).send(result);
  });

  api.get('/api/admin/erasures', { ...admin, schema: { tags: ['admin'], summary: 'Every erasure, newest first', querystring: listQuerySchema } }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const rows = await listErasures(ctx.db, limit + 1, q.cursor ? decodeCursor(q.cursor) : null);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const page: ErasurePage = {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.receivedAt, last.redactionId) : null,
    };
    return page;
  });
}
