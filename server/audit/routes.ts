import type { FastifyInstance } from 'fastify';
import {
  ACCESS_LOG_READERS,
  accessLogQuerySchema,
  accessUploadSchema,
  MAX_ACCESS_IDS,
  MAX_ACCESS_UPLOAD,
  type AccessLogPage,
} from '../../shared/audit/access-record';
import { caller, signedIn, withRole } from '../auth/guards';
import type { AppContext } from '../context';
import { zodRoutes } from '../http/zod';
import { listAccessRecords, storeAccessRecords } from './access-store';


/**
 * The access log: every signed-in user uploads the records of their own
 * reads of personal data (made offline too, uploaded when online); admins
 * and quality managers list them, scoped on the server.
 */
export function registerAccessLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const invalid = { invalid: { code: 'invalid' } };
  api.post('/api/audit/access', { preValidation: signedIn(ctx.db), config: invalid, schema: { tags: ['audit'], summary: 'Upload records of reads of personal data', body: accessUploadSchema } }, async (request) => {
    const user = caller(request);
    const body = request.body;
    const stored = await storeAccessRecords(ctx.db, user, body.records, new Date().toISOString());
    return { stored, limits: { records: MAX_ACCESS_UPLOAD, complaintIds: MAX_ACCESS_IDS } };
  });

  api.get('/api/audit/access', { preValidation: withRole(ctx.db, ACCESS_LOG_READERS), config: invalid, schema: { tags: ['audit'], summary: 'List the access log (admins; quality managers for their branch)', querystring: accessLogQuerySchema } }, async (request) => {
    const user = caller(request);
    const q = request.query;
    const limit = q.limit ?? 50;
    const { items, order } = await listAccessRecords(ctx.db, user, q, limit + 1);
    const page: AccessLogPage = {
      items: items.slice(0, limit),
      nextCursor: items.length > limit ? String(order[limit - 1]) : null,
    };
    return page;
  });
}
