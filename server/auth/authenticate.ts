import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles';
import type { Sql } from '../db/db';
import { forbidden, unauthorized } from '../http/errors';
import { userForToken, type AuthUser } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    authUser?: AuthUser;
    authToken?: string;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** The signed-in caller; 401 when the token is missing, unknown, expired or revoked. */
export async function authenticate(db: Sql, request: FastifyRequest): Promise<AuthUser> {
  if (request.authUser) return request.authUser;
  const token = bearerToken(request);
  if (!token) throw unauthorized('Missing bearer token');
  const user = await userForToken(db, token);
  if (!user) throw unauthorized('The token is invalid or has expired', 'invalid_token');
  request.authUser = user;
  request.authToken = token;
  return user;
}

export function requireRole(user: AuthUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw forbidden();
}
