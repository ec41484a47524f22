import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Category } from '../../shared/events/fields';
import { phoneForRole } from '../../shared/reports/masking';
import { matchablePhone } from '../../shared/rules/repeat-complaint';
import { caller } from '../auth/guards';
import type { AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';
import { RateCounter } from '../http/rate-counter';
import { priorProjections } from './complaints-store';

const DAY_MS = 86_400_000;
const MAX_ITEMS = 20;
/** Checks per user per minute: intake types a number once; more looks like enumerating phones. */
export const REPEAT_CHECKS_PER_MINUTE = 30;

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
 * A preValidation hook after sign-in: each check counts against the caller's
 * allowance before its body is judged, so malformed bodies cannot probe
 * without limit either.
 */
export function repeatCheckAllowance(db: Sql) {
  const limiter = new RateCounter(db, 'repeat', 60_000);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = caller(request);
    const wait = await limiter.waitMs([{ key: user.id, limit: REPEAT_CHECKS_PER_MINUTE }]);
    if (wait > 0) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
      throw new HttpError(429, 'rate_limited', 'Too many repeat checks; try again shortly');
    }
    await limiter.hit([user.id]);
  };
}

/**
 * Earlier complaints with this phone and category inside the repeat window
 * (`windowDays` before `now`), scoped like pull, with only what intake needs
 * to warn.
 */
export async function priorComplaints(
  db: Sql,
  user: AuthUser,
  check: { phone: string; category: Category },
  windowDays: number,
  now: Date,
): Promise<PriorComplaint[]> {
  const digits = matchablePhone(check.phone);
  if (digits === null) return [];
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  const found = await priorProjections(db, user, { phoneDigits: digits.slice(0, 40), category: check.category, since, limit: MAX_ITEMS });
  return found.map((p) => ({
    id: p.id,
    number: p.number,
    status: p.status,
    category: p.category,
    grade: p.grade,
    branchId: p.branchId,
    receivedAt: p.receivedAt,
    phone: phoneForRole(p.complainant?.phone, user.role),
  }));
}
