import type { FastifyInstance } from 'fastify';
import { seesAllBranches } from '../../shared/roles';
import { authenticate } from '../auth/authenticate';
import type { AuthUser } from '../auth/tokens';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { lookupRequestSchema, MAX_LOOKUP_IDS } from '../../shared/protocol/events';
import { documentJson, isIdentifiableId } from './wire';

/** As many ids as one push may carry, so a client can look up a whole push batch at once. */
export { MAX_LOOKUP_IDS };
/** 500 ids of at most 200 characters, with JSON quoting to spare. */
const LOOKUP_BODY_BYTES = 256 * 1024;
/** An event's seq is the feed sequence of its origin row, as pull reports it. */
const EVENT_SEQ_OF_EVENT = '(select o.fseq from feed o where o.event_id = e.id and o.origin)';

interface LookupRow {
  id: string;
  seq: unknown;
  status: 'accepted' | 'rejected';
  reason_code: string | null;
  reason_message: string | null;
  pushed_by: string;
  received_at: string;
  doc: string;
  complaint_branch: string | null;
}

export function parseLookupBody(body: unknown): string[] {
  const parsed = lookupRequestSchema.safeParse(body);
  if (!parsed.success) throw badRequest(`The body must be {"ids": [...]}, at most ${MAX_LOOKUP_IDS} non-empty ids`);
  for (const id of parsed.data.ids) if (!isIdentifiableId(id)) throw badRequest('Every id must be a non-empty string');
  return [...new Set(parsed.data.ids)];
}

/**
 * The same rule a push conflict answers by: the pusher (and admins) see their
 * own events whatever their status; others only accepted events of a
 * complaint now in their scope.
 */
function mayLookUp(user: AuthUser, r: LookupRow): boolean {
  if (r.pushed_by === user.id || user.role === 'admin') return true;
  if (r.status !== 'accepted') return false;
  if (seesAllBranches(user.role)) return true;
  return r.complaint_branch !== null && r.complaint_branch === user.branchId;
}

/**
 * Extension of the sync protocol: the stored state of events by id. A client
 * whose push answer was lost re-pushes, gets "unchanged" (no conflict), and
 * would otherwise never learn the status the server gave the first time.
 */
export function registerLookupRoute(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/sync/events/lookup', { bodyLimit: LOOKUP_BODY_BYTES }, async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    const ids = parseLookupBody(request.body);
    const rows = ids.length
      ? await ctx.db.query<LookupRow>(
          `select e.id, ${EVENT_SEQ_OF_EVENT} as seq, e.status, e.reason_code, e.reason_message, e.pushed_by,
                  e.received_at, e.doc, c.branch_id as complaint_branch
             from events e left join complaints c on c.id = e.complaint_id
            where e.id = any($1::text[])`,
          [ids],
        )
      : [];
    const docs = rows
      .filter((r) => mayLookUp(user, r))
      .map((r) =>
        documentJson(
          r.doc,
          Number(r.seq),
          r.received_at,
          r.status,
          r.reason_code ? { code: r.reason_code, message: r.reason_message ?? '' } : null,
        ),
      );
    return reply.type('application/json; charset=utf-8').send(`{"documents":[${docs.join(',')}]}`);
  });
}
