import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parsePolicy, type Policy } from '../../shared/policy/policy';
import { caller, withRole } from '../auth/guards';
import { createUser, listUsers, updateUser } from '../auth/users-store';
import type { AppContext } from '../context';
import type { Sql } from '../db/db';
import { badRequest, HttpError, notFound } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { bumpReferenceVersion, readPolicy, writePolicy } from '../reference/settings-store';
import {
  branchPatchSchema,
  branchSchema,
  idParamsSchema,
  newUserSchema,
  scriptPatchSchema,
  scriptSchema,
  teamPatchSchema,
  teamSchema,
  userPatchSchema,
} from './admin-schemas';
import { branchExists, insertBranch, listBranches, updateBranch } from './branches-store';
import { deleteScript, insertScript, listScripts, updateScript } from './scripts-store';
import { insertTeam, listTeams, updateTeam, userExists } from './teams-store';

/** A policy pack, or part of one: what is left out keeps the shared defaults; validated whole by the shared schema. */
const policyBodySchema = z
  .record(z.string(), z.unknown())
  .describe('A policy pack (shared/policy/policy.ts); fields left out take the defaults')
  .transform((raw, ctx): Policy => {
    const parsed = parsePolicy(raw);
    if (parsed.ok) return parsed.policy;
    const first = parsed.issues[0];
    ctx.addIssue({ code: 'custom', message: `${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid policy'}` });
    return z.NEVER;
  });

/** Admin-only management of the reference data every workstation pulls. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const api = zodRoutes(app);
  // Who may call is settled before the body is judged: a non-admin gets 403 whatever they send.
  const admin = { preValidation: withRole(db, ['admin']), config: { invalid: { code: 'invalid' } } };
  const tags = ['admin'];
  const change = <T>(fn: (tx: Sql) => Promise<T>) =>
    db.transaction(async (tx) => {
      const result = await fn(tx);
      await bumpReferenceVersion(tx);
      return result;
    });

  api.get('/api/admin/users', { ...admin, schema: { tags, summary: 'Every user account' } }, async () => ({
    items: await listUsers(db),
  }));
  api.post('/api/admin/users', { ...admin, schema: { tags, summary: 'Create a user', body: newUserSchema } }, async (request, reply) => {
    const user = await change((tx) => createUser(tx, request.body, ctx.config.scryptCost));
    return reply.status(201).send({ user });
  });
  api.patch(
    '/api/admin/users/:id',
    { ...admin, schema: { tags, summary: 'Change, disable or re-enable a user, or set their password', params: idParamsSchema, body: userPatchSchema } },
    async (request) => {
      const { id } = request.params;
      const patch = request.body;
      if (id === caller(request).id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
        throw new HttpError(409, 'self_lockout', 'You cannot disable yourself or drop your own admin role');
      }
      const user = await change((tx) => updateUser(tx, id, patch, ctx.config.scryptCost));
      // Committed: a revoked session's live stream ends now (a no-op when nothing was revoked).
      await ctx.hub.tokensRevoked();
      return { user };
    },
  );

  api.get('/api/admin/branches', { ...admin, schema: { tags, summary: 'Every branch' } }, async () => ({ items: await listBranches(db) }));
  api.post('/api/admin/branches', { ...admin, schema: { tags, summary: 'Create a branch', body: branchSchema } }, async (request, reply) => {
    const branch = await change((tx) => insertBranch(tx, request.body));
    if (!branch) throw new HttpError(409, 'exists', 'A branch with that id exists');
    return reply.status(201).send({ branch });
  });
  api.patch(
    '/api/admin/branches/:id',
    { ...admin, schema: { tags, summary: 'Rename, disable or re-enable a branch', params: idParamsSchema, body: branchPatchSchema } },
    async (request) => {
      const branch = await change((tx) => updateBranch(tx, request.params.id, request.body));
      if (!branch) throw notFound('Unknown branch');
      return { branch };
    },
  );

  api.get('/api/admin/teams', { ...admin, schema: { tags, summary: 'Every team' } }, async () => ({ items: await listTeams(db) }));
  api.post('/api/admin/teams', { ...admin, schema: { tags, summary: 'Create a team', body: teamSchema } }, async (request, reply) => {
    const t = request.body;
    const team = await change(async (tx) => {
      if (!(await branchExists(tx, t.branchId))) throw badRequest('Unknown branch', 'invalid');
      if (t.leadId && !(await userExists(tx, t.leadId))) throw badRequest('Unknown lead', 'invalid');
      return insertTeam(tx, t);
    });
    if (!team) throw new HttpError(409, 'exists', 'A team with that id exists');
    return reply.status(201).send({ team });
  });
  api.patch(
    '/api/admin/teams/:id',
    { ...admin, schema: { tags, summary: 'Rename a team, set its lead, disable or re-enable it', params: idParamsSchema, body: teamPatchSchema } },
    async (request) => {
      const p = request.body;
      const team = await change(async (tx) => {
        if (p.leadId && !(await userExists(tx, p.leadId))) throw badRequest('Unknown lead', 'invalid');
        return updateTeam(tx, request.params.id, p);
      });
      if (!team) throw notFound('Unknown team');
      return { team };
    },
  );

  api.get('/api/admin/policy', { ...admin, schema: { tags, summary: 'The policy pack in force' } }, async () => ({
    policy: await readPolicy(db),
  }));
  api.put(
    '/api/admin/policy',
    { ...admin, config: { invalid: { code: 'invalid_policy' } }, schema: { tags, summary: 'Replace the policy pack', body: policyBodySchema } },
    async (request) => {
      const policy = await change(async (tx) => {
        const current = await readPolicy(tx);
        // The server owns the revision: workstations keep the highest they have seen.
        const next = { ...request.body, revision: current.revision + 1 };
        await writePolicy(tx, next);
        return next;
      });
      // Deadlines depend on the policy: stored projections are folded again, in the background.
      ctx.refolder.run().catch((err: unknown) => request.log.error({ err: String(err) }, 're-fold after a policy change failed'));
      return { policy };
    },
  );

  api.get('/api/admin/scripts', { ...admin, schema: { tags, summary: 'Every soothing script, disabled ones too' } }, async () => ({
    items: await listScripts(db),
  }));
  api.post('/api/admin/scripts', { ...admin, schema: { tags, summary: 'Add a soothing script', body: scriptSchema } }, async (request, reply) => {
    const s = request.body;
    const script = await change((tx) => insertScript(tx, s.id ?? `script-${randomUUID()}`, s));
    if (!script) throw new HttpError(409, 'exists', 'A script with that id exists');
    return reply.status(201).send({ script });
  });
  api.patch(
    '/api/admin/scripts/:id',
    { ...admin, schema: { tags, summary: 'Change, disable or re-enable a script', params: idParamsSchema, body: scriptPatchSchema } },
    async (request) => {
      const script = await change((tx) => updateScript(tx, request.params.id, request.body));
      if (!script) throw notFound('Unknown script');
      return { script };
    },
  );
  api.delete('/api/admin/scripts/:id', { ...admin, schema: { tags, summary: 'Delete a script', params: idParamsSchema } }, async (request, reply) => {
    if (!(await change((tx) => deleteScript(tx, request.params.id)))) throw notFound('Unknown script');
    return reply.status(204).send();
  });
}
