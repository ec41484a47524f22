import type { HubDirectory } from '../../shared/protocol/hub';
import { seesAllBranches, type Role } from '../../shared/roles';
import { listBranches } from '../admin/branches-store';
import { listTeams } from '../admin/teams-store';
import { directoryPerson, listDirectoryWithVerifiers } from '../auth/users-store';
import type { Sql } from '../db/db';
import { readPolicy, referenceVersion } from '../reference/settings-store';

function iso(v: Date | string): string {
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

/**
 * What a branch hub mirrors so its branch works with the WAN down: the
 * directory (every account by name, so timelines name people; sign-in
 * verifiers only of the users of the hub's branch, never of another branch,
 * another hub or an all-branch role), branches, teams, the policy and scripts.
 */
export async function hubDirectory(db: Sql, branchId: string): Promise<HubDirectory> {
  const [version, users, branches, teams, scripts, policy] = await Promise.all([
    referenceVersion(db),
    listDirectoryWithVerifiers(db),
    listBranches(db),
    listTeams(db),
    db.query<{ id: string; language: string; scenario: string; category: string | null; title: string; text: string; sort: unknown; disabled: boolean }>(
      'select id, language, scenario, category, title, text, sort, disabled from scripts order by id',
    ),
    readPolicy(db),
  ]);
  return {
    version,
    branchId,
    users: users.map((u) => ({
      ...directoryPerson(u),
      disabled: u.disabled,
      updatedAt: iso(u.updated_at),
      passwordHash: u.branch_id === branchId && !seesAllBranches(u.role as Role) ? u.password_hash : null,
    })),
    branches,
    teams,
    policy: policy as unknown as Record<string, unknown>,
    scripts: scripts.map((s) => ({ ...s, sort: Number(s.sort) })),
  };
}
