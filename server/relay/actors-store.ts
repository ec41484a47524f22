import { ALL_BRANCH_ROLES } from '../../shared/roles';
import { toAuthUser, type AuthUser } from '../auth/tokens';
import type { Sql } from '../db/db';

/**
 * The users of a branch among `ids`, as a relay judges their events: a hub
 * may relay only for people of its own branch (never for another hub, and
 * never for someone of another branch or of every branch). Disabled accounts
 * are included: what they wrote before they were disabled is still theirs.
 */
export async function branchActors(db: Sql, branchId: string | null, ids: readonly string[]): Promise<Map<string, AuthUser>> {
  if (!branchId || !ids.length) return new Map();
  const rows = await db.query<Parameters<typeof toAuthUser>[0]>(
    `select id, username, display_name, role, branch_id, team_id, job_number
       from users where id = any($1::text[]) and branch_id = $2 and role <> 'hub' and role <> all($3::text[])`,
    [[...new Set(ids)], branchId, ALL_BRANCH_ROLES],
  );
  return new Map(rows.map((r) => [r.id, toAuthUser(r)]));
}
