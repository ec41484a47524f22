import { randomUUID } from 'node:crypto';
import { seesAllBranches, type Role } from '../../shared/roles';
import type { NewUser, UserPatch } from '../admin/admin-schemas';
import type { Sql } from '../db/db';
import { isUniqueViolation } from '../db/unique-violation';
import { HttpError } from '../http/errors';
import { passwordProblem } from './common-passwords';
import { hashPassword } from './password';
import { revokeUserTokens, toAuthUser, type AuthUser } from './tokens';

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
  const taken = await db.query('select 1 from users where lower(username) = lower($1)', [username]);
  if (taken.length) throw new HttpError(409, 'username_taken', 'That username is taken');
  const hash = await hashPassword(input.password, scryptCost);
  const rows = await duplicateIs409(db.query<UserRow>(
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
  ));
  return view(rows[0] as UserRow);
}

/** Two admins creating the same username (or id) at once: the loser's unique violation is a 409, not a 500. */
async function duplicateIs409<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err)) throw new HttpError(409, 'username_taken', 'That username or id is taken');
    throw err;
  }
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
  const problem = patch.password ? passwordProblem(patch.password, current.username) : null;
  if (problem) throw new HttpError(400, 'invalid', `password: ${problem}`);
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

export interface SignInRow extends UserRow {
  password_hash: string;
  updated_at: Date | string;
}

/** The account a sign-in names, whatever the case of the username typed. */
export async function findUserForSignIn(db: Sql, username: string): Promise<SignInRow | undefined> {
  const rows = await db.query<SignInRow>(
    `select ${USER_COLUMNS}, password_hash, updated_at from users where lower(username) = lower($1)`,
    [username.normalize('NFC')],
  );
  return rows[0];
}

export async function listUsers(db: Sql): Promise<AdminUserView[]> {
  const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from users order by username`);
  return rows.map(view);
}

/** An account as the directory names it (reference data, a branch hub's mirror). */
export interface DirectoryRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  branch_id: string | null;
  team_id: string | null;
  job_number: string | null;
  disabled: boolean;
  updated_at: Date | string;
}

/** How every copy of the directory (workstations', branch hubs') names a person. */
export function directoryPerson(u: DirectoryRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    branchId: u.branch_id,
    teamId: u.team_id,
    jobNumber: u.job_number,
  };
}

const DIRECTORY_COLUMNS = 'id, username, display_name, role, branch_id, team_id, job_number, disabled, updated_at';
// A hub's machine account is nobody a workstation names or assigns.
const PEOPLE = "from users where role <> 'hub' order by username";

/** Every account people are named by, by username. */
export function listDirectory(db: Sql): Promise<DirectoryRow[]> {
  return db.query<DirectoryRow>(`select ${DIRECTORY_COLUMNS} ${PEOPLE}`);
}

/** The same with each account's sign-in verifier: only for what a branch hub is sent (it filters by branch). */
export function listDirectoryWithVerifiers(db: Sql): Promise<(DirectoryRow & { password_hash: string })[]> {
  return db.query<DirectoryRow & { password_hash: string }>(`select ${DIRECTORY_COLUMNS}, password_hash ${PEOPLE}`);
}
