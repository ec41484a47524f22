import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  ACCESS_LOG_READERS,
  accessLogQuerySchema,
  accessUploadSchema,
  MAX_ACCESS_IDS,
  MAX_ACCESS_UPLOAD,
  type AccessLogPage,
} from '../../shared/audit/access-record';
import { authenticate, requireRole } from '../auth/authenticate';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { listAccessRecords, storeAccessRecords } from './access-store';

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw badRequest(`${where}${first?.message ?? 'invalid'}`.slice(0, 300), 'invalid');
  }
  return r.data;
}

/**
 * The access log: every signed-in user uploads the records of their own
 * reads of personal data (made offline too, uploaded when online); admins
 * and quality managers list them, scoped on the server.
 */
export function registerAccessLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/audit/access', async (request) => {
    const user = await authenticate(ctx.db, request);
    const body = parse(accessUploadSchema, request.body);
    const stored = await storeAccessRecords(ctx.db, user, body.records, new Date().toISOString());
    return { stored, limits: { records: MAX_ACCESS_UPLOAD, complaintIds: MAX_ACCESS_IDS } };
  });

  app.get('/api/audit/access', async (request) => {
    const user = await authenticate(ctx.db, request);
    requireRole(user, ACCESS_LOG_READERS);
    const q = parse(accessLogQuerySchema, request.query);
    const limit = q.limit ?? 50;
    const { items, order } = await listAccessRecords(ctx.db, user, q, limit + 1);
    const page: AccessLogPage = {
      items: items.slice(0, limit),
      nextCursor: items.length > limit ? String(order[limit - 1]) : null,
    };
    return page;
  });
}
