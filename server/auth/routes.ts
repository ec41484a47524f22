import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { plainText } from '../../shared/protocol/plain-text';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { zodRoutes } from '../http/zod';
import { credentialsVersion } from './credentials-version';
import { caller, signedIn } from './guards';
import { burnPasswordCheck, verifyPassword } from './password';
import { issueToken, revokeToken, toAuthUser } from './tokens';
import { findUserForSignIn } from './users-store';

const loginBodySchema = z.object({
  username: plainText({ max: 100 }),
  password: z.string().min(1).max(200),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodRoutes(app);
  const tags = ['auth'];

  api.post(
    '/api/auth/login',
    { schema: { tags, summary: 'Sign in: a bearer token and the user', body: loginBodySchema } },
    async (request, reply) => {
      const { username, password } = request.body;
      const address = request.ip;
      // Claimed before the password is checked, so parallel guesses cannot all slip past the count.
      const wait = await ctx.limiter.claim(username, address);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins; try again later');
      }
      const row = await findUserForSignIn(ctx.db, username);
      let ok = false;
      if (row) ok = (await verifyPassword(password, row.password_hash)) && !row.disabled;
      else await burnPasswordCheck(password, ctx.config.scryptCost);
      if (!row || !ok) throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
      await ctx.limiter.succeeded(username, address);
      const token = await issueToken(ctx.db, row.id, ctx.config.tokenTtlSeconds);
      return {
        token,
        expiresAt: new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000).toISOString(),
        user: toAuthUser(row),
        credentialsVersion: credentialsVersion(row.updated_at),
      };
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Revoke this token' }, preValidation: signedIn(ctx.db) },
    async (request, reply) => {
      await revokeToken(ctx.db, request.authToken ?? '');
      await ctx.hub.tokensRevoked();
      return reply.status(204).send();
    },
  );

  api.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user' }, preValidation: signedIn(ctx.db) }, async (request) => ({
    user: caller(request),
  }));
}
