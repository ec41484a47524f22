import type { Sql } from '../db/db';
import type { BranchPatch, NewBranch } from './admin-schemas';

export interface BranchView {
  id: string;
  name: string;
  nameEn: string | null;
  disabled: boolean;
}

const COLUMNS = 'id, name, name_en as "nameEn", disabled';

export function listBranches(db: Sql): Promise<BranchView[]> {
  return db.query<BranchView>(`select ${COLUMNS} from branches order by id`);
}

export async function branchExists(db: Sql, id: string): Promise<boolean> {
  return (await db.query('select 1 from branches where id = $1', [id])).length > 0;
}

/** The new branch, or null when one with that id exists. */
export async function insertBranch(db: Sql, b: NewBranch): Promise<BranchView | null> {
  const rows = await db.query<BranchView>(
    `insert into branches (id, name, name_en) values ($1, $2, $3) on conflict (id) do nothing returning ${COLUMNS}`,
    [b.id, b.name, b.nameEn ?? null],
  );
  return rows[0] ?? null;
}

/** The changed branch, or null when there is none with that id. */
export async function updateBranch(db: Sql, id: string, p: BranchPatch): Promise<BranchView | null> {
  const rows = await db.query<BranchView>(
    `update branches set name = coalesce($2, name),
            name_en = case when $3::boolean then $4 else name_en end,
            disabled = coalesce($5, disabled)
      where id = $1 returning ${COLUMNS}`,
    [id, p.name ?? null, p.nameEn !== undefined, p.nameEn ?? null, p.disabled ?? null],
  );
  return rows[0] ?? null;
}
