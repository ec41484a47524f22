import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { roleSchema, seesAllBranches, type Role } from '../../shared/roles';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import { revokeUserTokens, toAuthUser, type AuthUser } from './tokens';

export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');
const idRef = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const displayName = z.string().trim().min(1).max(100);
const jobNumber = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9-]+$/);

export const newUserSchema = z.strictObject({
  id: idRef.optional(),
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayName.optional(),
  role: roleSchema,
  branchId: idRef.nullable().optional(),
  teamId: idRef.nullable().optional(),
  jobNumber: jobNumber.nullable().optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userPatchSchema = z.strictObject({
  displayName: displayName.optional(),
  role: roleSchema.optional(),
  branchId: idRef.nullable().optional(),
  teamId: idRef.nullable().optional(),
  jobNumber: jobNumber.nullable().optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

export interface AdminUserView extends AuthUser {
  disabled: boolean;
}

const USER_COLUMNS = 'id, username, display_name, role, branch_id, team_id, job_number, disabled';

type UserRow = Parameters<typeof toAuthUser>[0] & { disabled: boolean };

function view(r: UserRow): AdminUserView {
  return { ...toAuthUser(r), disabled: r.disabled };
}

async function checkPlacement(db: Sql, role: Role, branchId: string | null, teamId: string | null): Promise<void> {
  if (!seesAllBranches(role) && !branchId) {
    throw new HttpError(400, 'invalid_user', `A ${role} belongs to a branch: give branchId`);
  }
  if (branchId) {
    const b = await db.query('select 1 from branches where id = $1', [branchId]);
    if (!b.length) throw new HttpError(400, 'invalid_user', 'Unknown branch');
  }
  if (teamId) {
    const t = await db.query<{ branch_id: string }>('select branch_id from teams where id = $1', [teamId]);
    if (!t.length) throw new HttpError(400, 'invalid_user', 'Unknown team');
    if (t[0]?.branch_id !== branchId) throw new HttpError(400, 'invalid_user', 'The team belongs to another branch');
  }
}

export async function createUser(db: Sql, input: NewUser, scryptCost: number): Promise<AdminUserView> {
  const username = input.username.normalize('NFC');
  const branchId = input.branchId ?? null;
  const teamId = input.teamId ?? null;
  await checkPlacement(db, input.role, branchId, teamId);
  const taken = await db.query('select 1 from users where username = $1', [username]);
  if (taken.length) throw new HttpError(409, 'username_taken', 'That username is taken');
  const hash = await hashPassword(input.password, scryptCost);
  const rows = await db.query<UserRow>(
    `insert into users (id, username, display_name, role, branch_id, team_id, job_number, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${USER_COLUMNS}`,
    [
      input.id ?? randomUUID(),
      username,
      input.displayName ?? username,
      input.role,
      branchId,
      teamId,
      input.jobNumber ?? null,
      hash,
    ],
  );
  return view(rows[0] as UserRow);
}

export async function updateUser(db: Sql, id: string, patch: UserPatch, scryptCost: number): Promise<AdminUserView> {
  const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  const current = rows[0];
  if (!current) throw new HttpError(404, 'not_found', 'Unknown user');
  const role = patch.role ?? current.role;
  const branchId = patch.branchId !== undefined ? patch.branchId : current.branch_id;
  const teamId =
    patch.teamId !== undefined ? patch.teamId : patch.branchId !== undefined && patch.branchId !== current.branch_id ? null : current.team_id;
  await checkPlacement(db, role, branchId, teamId);
  const hash = patch.password ? await hashPassword(patch.password, scryptCost) : null;
  const updated = await db.query<UserRow>(
    `update users set display_name = $2, role = $3, branch_id = $4, team_id = $5, job_number = $6,
            disabled = $7, password_hash = coalesce($8, password_hash), updated_at = now()
      where id = $1 returning ${USER_COLUMNS}`,
    [
      id,
      patch.displayName ?? current.display_name,
      role,
      branchId,
      teamId,
      patch.jobNumber !== undefined ? patch.jobNumber : current.job_number,
      patch.disabled ?? current.disabled,
      hash,
    ],
  );
  // A disabled account, a new password or a new role or branch ends every session at once.
  if (patch.disabled || hash || role !== current.role || branchId !== current.branch_id) {
    await revokeUserTokens(db, id);
  }
  return view(updated[0] as UserRow);
}

export async function listUsers(db: Sql): Promise<AdminUserView[]> {
  const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from users order by username`);
  return rows.map(view);
}
