import type { Db } from '../db/db';
import { DEMO_BRANCHES, DEMO_TEAMS, DEMO_USERS, demoUserId } from '../../shared/demo/organisation';
import { hashPassword } from '../auth/password';
import { bumpReferenceVersion } from '../reference/settings-store';

export const DEMO_PASSWORD = 'demo1234';

export { DEMO_BRANCHES, DEMO_TEAMS, DEMO_USERS, demoUserId };

/**
 * The demo organisation of the sync protocol, only into an empty database
 * (no users yet) and only when asked for: nothing weak is ever created otherwise.
 */
export async function seedDemo(db: Db, scryptCost: number): Promise<boolean> {
  const existing = await db.query('select 1 from users limit 1');
  if (existing.length) return false;
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, scryptCost)));
  return db.transaction(async (tx) => {
    const again = await tx.query('select 1 from users limit 1');
    if (again.length) return false;
    for (const b of DEMO_BRANCHES) {
      await tx.query('insert into branches (id, name, name_en) values ($1, $2, $3) on conflict (id) do nothing', [
        b.id,
        b.name,
        b.nameEn,
      ]);
    }
    for (const t of DEMO_TEAMS) {
      await tx.query('insert into teams (id, branch_id, name, lead_id) values ($1, $2, $3, $4) on conflict (id) do nothing', [
        t.id,
        t.branchId,
        t.name,
        t.leadUsername ? demoUserId(t.leadUsername) : null,
      ]);
    }
    for (const [i, u] of DEMO_USERS.entries()) {
      await tx.query(
        `insert into users (id, username, display_name, role, branch_id, team_id, job_number, password_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [demoUserId(u.username), u.username, u.displayName, u.role, u.branchId, u.teamId, u.jobNumber, hashes[i]],
      );
    }
    await bumpReferenceVersion(tx);
    return true;
  });
}
