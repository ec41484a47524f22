import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { badRequest, HttpError } from '../http/errors';
import { authenticate } from './authenticate';
import { credentialsVersion } from './credentials-version';
import { burnPasswordCheck, verifyPassword } from './password';
import { issueToken, revokeToken, toAuthUser } from './tokens';

const loginSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest('Send {"username","password"}');
    const { username, password } = parsed.data;
    const address = request.ip;
    // Claimed before the password is checked, so parallel guesses cannot all slip past the count.
    const wait = await ctx.limiter.claim(username, address);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins; try again later');
    }
    const rows = await ctx.db.query<{
      id: string;
      username: string;
      display_name: string;
      role: never;
      branch_id: string | null;
      team_id: string | null;
      job_number: string | null;
      password_hash: string;
      disabled: boolean;
      updated_at: Date | string;
    }>(
      `select id, username, display_name, role, branch_id, team_id, job_number, password_hash, disabled, updated_at
         from users where username = $1`,
      [username.normalize('NFC')],
    );
    const row = rows[0];
    let ok = false;
    if (row) ok = (await verifyPassword(password, row.password_hash)) && !row.disabled;
    else await burnPasswordCheck(password, ctx.config.scryptCost);
    if (!row || !ok) {
      throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
    }
    await ctx.limiter.succeeded(username, address);
    const token = await issueToken(ctx.db, row.id, ctx.config.tokenTtlSeconds);
    const user = toAuthUser(row);
    return {
      token,
      expiresAt: new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000).toISOString(),
      user,
      credentialsVersion: credentialsVersion(row.updated_at),
    };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await authenticate(ctx.db, request);
    await revokeToken(ctx.db, request.authToken ?? '');
    await ctx.hub.tokensRevoked();
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request) => {
    const user = await authenticate(ctx.db, request);
    return { user };
  });
}
