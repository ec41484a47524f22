import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { categorySchema } from '../../shared/events/fields';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { phoneForRole } from '../../shared/reports/masking';
import { seesAllBranches } from '../../shared/roles';
import { normalisePhone } from '../../shared/rules/repeat-complaint';
import { authenticate } from '../auth/authenticate';
import type { AppContext } from '../context';
import { badRequest, HttpError } from '../http/errors';
import { RateCounter } from '../http/rate-counter';

const DAY_MS = 86_400_000;
/** Fewer digits than this is not a phone number worth matching (as on the workstation). */
const MIN_PHONE_DIGITS = 5;
const MAX_ITEMS = 20;
/** Checks per user per minute: intake types a number once; more looks like enumerating phones. */
export const REPEAT_CHECKS_PER_MINUTE = 30;

const bodySchema = z.strictObject({
  phone: z.string().min(1).max(40),
  category: categorySchema,
});

export interface PriorComplaint {
  id: string;
  number: string | null;
  status: string;
  category: string | null;
  grade: number | null;
  branchId: string;
  receivedAt: string | null;
  /** The complainant's phone, masked unless the role calls customers back. */
  phone: string;
}

/**
 * POST /api/complaints/repeat-check {phone, category}: earlier complaints
 * with that phone and category inside the policy's repeat window, scoped
 * like pull, with only what intake needs to warn. A POST so the phone
 * travels in the body, which no access log records.
 */
export function registerRepeatCheckRoute(app: FastifyInstance, ctx: AppContext): void {
  const limiter = new RateCounter(ctx.db, 'repeat', 60_000);
  app.post('/api/complaints/repeat-check', async (request, reply) => {
    const user = await authenticate(ctx.db, request);
    const wait = await limiter.waitMs([{ key: user.id, limit: REPEAT_CHECKS_PER_MINUTE }]);
    if (wait > 0) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
      throw new HttpError(429, 'rate_limited', 'Too many repeat checks; try again shortly');
    }
    await limiter.hit([user.id]);
    const parsed = bodySchema.safeParse(request.body);
    // Never echo the phone back in an error.
    if (!parsed.success) throw badRequest('Send {"phone","category"} (a phone of up to 40 characters, a known category)', 'invalid');
    const { policy } = await ctx.settings.current();
    const windowDays = policy.repeatComplaint.windowDays;
    const digits = normalisePhone(parsed.data.phone);
    if (digits.length < MIN_PHONE_DIGITS) return { windowDays, items: [] };

    const since = new Date(Date.now() - windowDays * DAY_MS).toISOString();
    const params: unknown[] = [digits.slice(0, 40), parsed.data.category, since, MAX_ITEMS];
    let scope = '';
    if (!seesAllBranches(user.role)) {
      params.push(user.branchId ?? '');
      scope = `and branch_id = $${params.length}`;
    }
    const rows = await ctx.db.query<{ projection: string }>(
      `select projection from complaints
        where phone_digits = $1 and category = $2 and received_at >= $3::timestamptz ${scope}
        order by received_at desc limit $4`,
      params,
    );
    const items: PriorComplaint[] = rows.map((r) => {
      const p = JSON.parse(r.projection) as ComplaintProjection;
      return {
        id: p.id,
        number: p.number,
        status: p.status,
        category: p.category,
        grade: p.grade,
        branchId: p.branchId,
        receivedAt: p.receivedAt,
        phone: phoneForRole(p.complainant?.phone, user.role),
      };
    });
    return { windowDays, items };
  });
}
