import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { Sql } from '../db/db';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  teamId: string | null;
  jobNumber: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An opaque random bearer token; only its hash is stored. */
export async function issueToken(db: Sql, userId: string, ttlSeconds: number, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + ttlSeconds * 1000);
  await db.query('insert into auth_tokens (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    hashToken(token),
    userId,
    now.toISOString(),
    expires.toISOString(),
  ]);
  return token;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  branch_id: string | null;
  team_id: string | null;
  job_number: string | null;
}

export function toAuthUser(r: UserRow): AuthUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    branchId: r.branch_id,
    teamId: r.team_id,
    jobNumber: r.job_number,
  };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;

/** The user behind a live token, or null when it is unknown, expired, revoked or the user disabled. */
export async function userForToken(db: Sql, token: string, now: Date = new Date()): Promise<AuthUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const rows = await db.query<UserRow & { id: string }>(
    `select u.id, u.username, u.display_name, u.role, u.branch_id, u.team_id, u.job_number
       from auth_tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and t.revoked_at is null and t.expires_at > $2 and not u.disabled`,
    [hashToken(token), now.toISOString()],
  );
  const row = rows[0];
  return row ? toAuthUser(row) : null;
}

export async function revokeToken(db: Sql, token: string, now: Date = new Date()): Promise<void> {
  await db.query('update auth_tokens set revoked_at = $2 where token_hash = $1 and revoked_at is null', [
    hashToken(token),
    now.toISOString(),
  ]);
}

export async function revokeUserTokens(db: Sql, userId: string, now: Date = new Date()): Promise<void> {
  await db.query('update auth_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null', [
    userId,
    now.toISOString(),
  ]);
}
