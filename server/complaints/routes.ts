import type { FastifyInstance } from 'fastify';
import { withoutEvents } from '../../shared/fold/projection';
import { inScope } from '../../shared/rules/permissions';
import { seesAllBranches } from '../../shared/roles';
import { authenticate } from '../auth/authenticate';
import type { AppContext } from '../context';
import { badRequest, notFound } from '../http/errors';
import { currentProjections } from './refold';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

function str(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || v.length > 500 || v.includes('\u0000') || !v.isWellFormed()) {
    throw badRequest(`${name} is malformed`);
  }
  return v;
}

function encodeCursor(firstSeq: number): string {
  return Buffer.from(JSON.stringify({ s: firstSeq })).toString('base64url');
}

function decodeCursor(raw: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'number' && Number.isSafeInteger(parsed.s) && parsed.s >= 0) return parsed.s;
  } catch {
    /* fall through */
  }
  throw badRequest('cursor is not one this server gave out');
}

/** The server's projection of each complaint (the shared fold of its accepted events), read-only and scoped. */
export function registerComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/complaints/:id', async (request) => {
    const user = await authenticate(ctx.db, request);
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length < 1 || id.length > 64 || id.includes('\u0000') || !id.isWellFormed()) {
      throw notFound('No such complaint');
    }
    const rows = await ctx.db.query<{ id: string; branch_id: string; projection: string; folded_revision: unknown }>(
      'select id, branch_id, projection, folded_revision from complaints where id = $1',
      [id],
    );
    const row = rows[0];
    // Out of scope answers exactly like unknown: no existence leaks.
    if (!row || !inScope({ role: user.role, branchId: user.branchId ?? '' }, row.branch_id)) {
      throw notFound('No such complaint');
    }
    const [p] = await currentProjections(ctx.db, await ctx.settings.current(), [row]);
    return withoutEvents(p!);
  });

  app.get('/api/complaints', async (request) => {
    const user = await authenticate(ctx.db, request);
    const q = request.query as Record<string, unknown>;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };

    if (!seesAllBranches(user.role)) add('branch_id = ?', user.branchId ?? '');
    const branchId = str(q, 'branchId');
    if (branchId !== undefined) add('branch_id = ?', branchId);
    const status = str(q, 'status');
    if (status !== undefined) add('status = any(?::text[])', status.split(',').map((s) => s.trim()).filter(Boolean));
    const grade = str(q, 'grade');
    if (grade !== undefined) {
      const grades = grade.split(',').map((g) => g.trim());
      if (!grades.every((g) => /^[1-4]$/.test(g))) throw badRequest('grade is 1, 2, 3 or 4');
      add('grade = any(?::int[])', grades.map(Number));
    }
    const overdue = str(q, 'overdue');
    if (overdue !== undefined) {
      if (overdue !== 'true' && overdue !== 'false' && overdue !== '1' && overdue !== '0') {
        throw badRequest('overdue is true or false');
      }
      const now = new Date().toISOString();
      if (overdue === 'true' || overdue === '1') add('next_due < ?::timestamptz', now);
      else add('(next_due is null or next_due >= ?::timestamptz)', now);
    }
    const limitRaw = str(q, 'limit');
    let limit = DEFAULT_PAGE;
    if (limitRaw !== undefined) {
      if (!/^\d{1,6}$/.test(limitRaw) || Number(limitRaw) < 1) throw badRequest('limit is a whole number from 1');
      limit = Math.min(MAX_PAGE, Number(limitRaw));
    }
    const cursor = str(q, 'cursor');
    if (cursor !== undefined) add('first_seq < ?', decodeCursor(cursor));

    params.push(limit + 1);
    const rows = await ctx.db.query<{ id: string; first_seq: unknown; projection: string; folded_revision: unknown }>(
      `select id, first_seq, projection, folded_revision from complaints
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by first_seq desc limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items = await currentProjections(ctx.db, await ctx.settings.current(), page);
    return {
      items: items.map(withoutEvents),
      nextCursor: rows.length > limit && last ? encodeCursor(Number(last.first_seq)) : null,
    };
  });
}
