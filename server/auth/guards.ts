import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles';
import type { Sql } from '../db/db';
import { unauthorized } from '../http/errors';
import { authenticate, requireRole } from './authenticate';
import type { AuthUser } from './tokens';

/**
 * preValidation hooks: who is calling is settled after the body is parsed
 * and before the route's schemas judge it, so an unsigned or unauthorised
 * caller gets 401 or 403 whatever they sent, as before schemas existed.
 */
export function signedIn(db: Sql) {
  return async (request: FastifyRequest): Promise<void> => {
    await authenticate(db, request);
  };
}

export function withRole(db: Sql, roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(await authenticate(db, request), roles);
  };
}

/** The caller a guard above has settled. */
export function caller(request: FastifyRequest): AuthUser {
  if (!request.authUser) throw unauthorized();
  return request.authUser;
}
