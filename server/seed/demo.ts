import type { Role } from '../../shared/roles';
import type { Db } from '../db/db';
import { hashPassword } from '../auth/password';
import { bumpReferenceVersion } from '../reference/settings-store';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_BRANCHES = [
  { id: 'gz', name: '广州分公司', nameEn: 'Guangzhou branch' },
  { id: 'dg', name: '东莞分公司', nameEn: 'Dongguan branch' },
];

export const DEMO_TEAMS = [
  { id: 'gz-t1', branchId: 'gz', name: '广州一班', leadUsername: 'lead.gz' },
  { id: 'gz-t2', branchId: 'gz', name: '广州二班', leadUsername: null },
  { id: 'dg-t1', branchId: 'dg', name: '东莞一班', leadUsername: 'lead.dg' },
];

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  branchId: string;
  teamId: string | null;
  jobNumber: string;
}[] = [
  { username: 'agent.gz', displayName: '陈晓琳', role: 'agent', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1001' },
  { username: 'agent2.gz', displayName: '李俊杰', role: 'agent', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1002' },
  { username: 'lead.gz', displayName: '王海燕', role: 'team_lead', branchId: 'gz', teamId: 'gz-t1', jobNumber: '1101' },
  { username: 'officer.gz', displayName: '张明', role: 'complaint_officer', branchId: 'gz', teamId: null, jobNumber: '1201' },
  { username: 'quality.gz', displayName: '刘芳', role: 'quality_manager', branchId: 'gz', teamId: null, jobNumber: '1301' },
  { username: 'supervisor.gz', displayName: '黄志强', role: 'supervisor', branchId: 'gz', teamId: null, jobNumber: '1401' },
  { username: 'agent.dg', displayName: '周婷', role: 'agent', branchId: 'dg', teamId: 'dg-t1', jobNumber: '2001' },
  { username: 'lead.dg', displayName: '吴伟', role: 'team_lead', branchId: 'dg', teamId: 'dg-t1', jobNumber: '2101' },
  { username: 'supervisor.dg', displayName: '郑丽', role: 'supervisor', branchId: 'dg', teamId: null, jobNumber: '2401' },
  { username: 'director', displayName: '孙建国', role: 'director', branchId: 'gz', teamId: null, jobNumber: '9001' },
  { username: 'admin', displayName: '系统管理员', role: 'admin', branchId: 'gz', teamId: null, jobNumber: '9901' },
];

export const demoUserId = (username: string) => `user-${username}`;

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
