import { assignWorkstationCode } from '../../shared/numbers/complaint-number';
import type { Sql } from '../db/db';

export interface Registration {
  code: string;
  /** False when this workstation already had its code in the branch. */
  created: boolean;
}

/** The code this workstation already holds in the branch, if any. */
export async function existingCode(db: Sql, branchId: string, workstationId: string): Promise<string | null> {
  const rows = await db.query<{ code: string }>('select code from workstations where branch_id = $1 and workstation_id = $2', [
    branchId,
    workstationId,
  ]);
  return rows[0]?.code ?? null;
}

/**
 * The workstation's code in the branch: the one it already has, else the
 * first code the shared rule derives from its id that no other workstation
 * of the branch holds. The unique (branch, code) constraint settles a race
 * between two registrations; the loser looks again.
 */
export async function registerWorkstation(db: Sql, branchId: string, workstationId: string, userId: string): Promise<Registration> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const mine = await existingCode(db, branchId, workstationId);
    if (mine) return { code: mine, created: false };
    const taken = new Set(
      (await db.query<{ code: string }>('select code from workstations where branch_id = $1', [branchId])).map((r) => r.code),
    );
    const code = assignWorkstationCode(workstationId, taken);
    const inserted = await db.query<{ code: string }>(
      `insert into workstations (branch_id, workstation_id, code, registered_by) values ($1, $2, $3, $4)
       on conflict do nothing returning code`,
      [branchId, workstationId, code, userId],
    );
    if (inserted[0]) return { code: inserted[0].code, created: true };
  }
  throw new Error('could not register the workstation');
}
