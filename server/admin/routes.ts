import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { categorySchema } from '../../shared/events/fields';
import { parsePolicy } from '../../shared/policy/policy';
import { authenticate, requireRole } from '../auth/authenticate';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from '../auth/users';
import type { AppContext } from '../context';
import type { Sql } from '../db/db';
import { badRequest, HttpError, notFound } from '../http/errors';
import { bumpReferenceVersion, readPolicy, writePolicy } from '../reference/settings-store';

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const nameSchema = z.string().trim().min(1).max(100);

const branchSchema = z.strictObject({ id: idSchema, name: nameSchema, nameEn: nameSchema.nullable().optional() });
const branchPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  nameEn: nameSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
const teamSchema = z.strictObject({
  id: idSchema,
  branchId: idSchema,
  name: nameSchema,
  leadId: idSchema.nullable().optional(),
});
const teamPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  leadId: idSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
const scenarioSchema = z.enum(['opening', 'A', 'B', 'C', 'closing', 'other']);
const scriptSchema = z.strictObject({
  id: idSchema.optional(),
  language: z.enum(['zh-CN', 'en']),
  scenario: scenarioSchema,
  category: categorySchema.nullable().optional(),
  title: nameSchema,
  text: z.string().trim().min(1).max(2000),
  sort: z.number().int().min(0).max(100_000).optional(),
});
const scriptPatchSchema = scriptSchema.omit({ id: true }).partial().extend({ disabled: z.boolean().optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw badRequest(`${where}${first?.message ?? 'invalid'}`.slice(0, 300), 'invalid');
  }
  return r.data;
}

function paramId(request: FastifyRequest): string {
  return parse(idSchema, (request.params as { id?: unknown }).id);
}

/** Admin-only management of the reference data every workstation pulls. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const admin = async (request: FastifyRequest) => {
    const user = await authenticate(db, request);
    requireRole(user, ['admin']);
    return user;
  };
  const change = <T>(fn: (tx: Sql) => Promise<T>) =>
    db.transaction(async (tx) => {
      const result = await fn(tx);
      await bumpReferenceVersion(tx);
      return result;
    });

  app.get('/api/admin/users', async (request) => {
    await admin(request);
    return { items: await listUsers(db) };
  });
  app.post('/api/admin/users', async (request, reply) => {
    await admin(request);
    const input = parse(newUserSchema, request.body);
    const user = await change((tx) => createUser(tx, input, ctx.config.scryptCost));
    return reply.status(201).send({ user });
  });
  app.patch('/api/admin/users/:id', async (request) => {
    const me = await admin(request);
    const id = paramId(request);
    const patch = parse(userPatchSchema, request.body);
    if (id === me.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new HttpError(409, 'self_lockout', 'You cannot disable yourself or drop your own admin role');
    }
    const user = await change((tx) => updateUser(tx, id, patch, ctx.config.scryptCost));
    // Committed: a revoked session's live stream ends now (a no-op when nothing was revoked).
    await ctx.hub.tokensRevoked();
    return { user };
  });

  app.get('/api/admin/branches', async (request) => {
    await admin(request);
    const rows = await db.query('select id, name, name_en as "nameEn", disabled from branches order by id');
    return { items: rows };
  });
  app.post('/api/admin/branches', async (request, reply) => {
    await admin(request);
    const b = parse(branchSchema, request.body);
    await change(async (tx) => {
      const r = await tx.query('insert into branches (id, name, name_en) values ($1, $2, $3) on conflict (id) do nothing returning id', [
        b.id,
        b.name,
        b.nameEn ?? null,
      ]);
      if (!r.length) throw new HttpError(409, 'exists', 'A branch with that id exists');
    });
    return reply.status(201).send({ branch: { id: b.id, name: b.name, nameEn: b.nameEn ?? null, disabled: false } });
  });
  app.patch('/api/admin/branches/:id', async (request) => {
    await admin(request);
    const id = paramId(request);
    const p = parse(branchPatchSchema, request.body);
    const rows = await change((tx) =>
      tx.query(
        `update branches set name = coalesce($2, name),
                name_en = case when $3::boolean then $4 else name_en end,
                disabled = coalesce($5, disabled)
          where id = $1 returning id, name, name_en as "nameEn", disabled`,
        [id, p.name ?? null, p.nameEn !== undefined, p.nameEn ?? null, p.disabled ?? null],
      ),
    );
    if (!rows.length) throw notFound('Unknown branch');
    return { branch: rows[0] };
  });

  app.get('/api/admin/teams', async (request) => {
    await admin(request);
    const rows = await db.query(
      'select id, branch_id as "branchId", name, lead_id as "leadId", disabled from teams order by id',
    );
    return { items: rows };
  });
  app.post('/api/admin/teams', async (request, reply) => {
    await admin(request);
    const t = parse(teamSchema, request.body);
    await change(async (tx) => {
      if (!(await tx.query('select 1 from branches where id = $1', [t.branchId])).length) {
        throw badRequest('Unknown branch', 'invalid');
      }
      if (t.leadId && !(await tx.query('select 1 from users where id = $1', [t.leadId])).length) {
        throw badRequest('Unknown lead', 'invalid');
      }
      const r = await tx.query(
        'insert into teams (id, branch_id, name, lead_id) values ($1, $2, $3, $4) on conflict (id) do nothing returning id',
        [t.id, t.branchId, t.name, t.leadId ?? null],
      );
      if (!r.length) throw new HttpError(409, 'exists', 'A team with that id exists');
    });
    return reply.status(201).send({ team: { ...t, leadId: t.leadId ?? null, disabled: false } });
  });
  app.patch('/api/admin/teams/:id', async (request) => {
    await admin(request);
    const id = paramId(request);
    const p = parse(teamPatchSchema, request.body);
    const rows = await change(async (tx) => {
      if (p.leadId && !(await tx.query('select 1 from users where id = $1', [p.leadId])).length) {
        throw badRequest('Unknown lead', 'invalid');
      }
      return tx.query(
        `update teams set name = coalesce($2, name),
                lead_id = case when $3::boolean then $4 else lead_id end,
                disabled = coalesce($5, disabled)
          where id = $1 returning id, branch_id as "branchId", name, lead_id as "leadId", disabled`,
        [id, p.name ?? null, p.leadId !== undefined, p.leadId ?? null, p.disabled ?? null],
      );
    });
    if (!rows.length) throw notFound('Unknown team');
    return { team: rows[0] };
  });

  app.get('/api/admin/policy', async (request) => {
    await admin(request);
    return { policy: await readPolicy(db) };
  });
  app.put('/api/admin/policy', async (request) => {
    await admin(request);
    const parsed = parsePolicy(request.body);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw badRequest(`${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid policy'}`.slice(0, 300), 'invalid_policy');
    }
    const policy = await change(async (tx) => {
      const current = await readPolicy(tx);
      // The server owns the revision: workstations keep the highest they have seen.
      const next = { ...parsed.policy, revision: current.revision + 1 };
      await writePolicy(tx, next);
      return next;
    });
    // Deadlines depend on the policy: stored projections are folded again, in the background.
    ctx.refolder.run().catch((err: unknown) => request.log.error({ err: String(err) }, 're-fold after a policy change failed'));
    return { policy };
  });

  const SCRIPT_COLUMNS = 'id, language, scenario, category, title, text, sort, disabled';
  app.get('/api/admin/scripts', async (request) => {
    await admin(request);
    return { items: await db.query(`select ${SCRIPT_COLUMNS} from scripts order by sort, id`) };
  });
  app.post('/api/admin/scripts', async (request, reply) => {
    await admin(request);
    const s = parse(scriptSchema, request.body);
    const id = s.id ?? `script-${randomUUID()}`;
    const rows = await change(async (tx) => {
      const r = await tx.query(
        `insert into scripts (id, language, scenario, category, title, text, sort)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing returning ${SCRIPT_COLUMNS}`,
        [id, s.language, s.scenario, s.category ?? null, s.title, s.text, s.sort ?? 0],
      );
      if (!r.length) throw new HttpError(409, 'exists', 'A script with that id exists');
      return r;
    });
    return reply.status(201).send({ script: rows[0] });
  });
  app.patch('/api/admin/scripts/:id', async (request) => {
    await admin(request);
    const id = paramId(request);
    const p = parse(scriptPatchSchema, request.body);
    const rows = await change((tx) =>
      tx.query(
        `update scripts set language = coalesce($2, language), scenario = coalesce($3, scenario),
                category = case when $4::boolean then $5 else category end,
                title = coalesce($6, title), text = coalesce($7, text), sort = coalesce($8, sort),
                disabled = coalesce($9, disabled), updated_at = now()
          where id = $1 returning ${SCRIPT_COLUMNS}`,
        [
          id,
          p.language ?? null,
          p.scenario ?? null,
          p.category !== undefined,
          p.category ?? null,
          p.title ?? null,
          p.text ?? null,
          p.sort ?? null,
          p.disabled ?? null,
        ],
      ),
    );
    if (!rows.length) throw notFound('Unknown script');
    return { script: rows[0] };
  });
  app.delete('/api/admin/scripts/:id', async (request, reply) => {
    await admin(request);
    const id = paramId(request);
    const rows = await change((tx) => tx.query('delete from scripts where id = $1 returning id', [id]));
    if (!rows.length) throw notFound('Unknown script');
    return reply.status(204).send();
  });
}
