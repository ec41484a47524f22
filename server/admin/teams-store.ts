import type { Sql } from '../db/db';
import type { NewTeam, TeamPatch } from './admin-schemas';

export interface TeamView {
  id: string;
  branchId: string;
  name: string;
  leadId: string | null;
  disabled: boolean;
}

const COLUMNS = 'id, branch_id as "branchId", name, lead_id as "leadId", disabled';

export function listTeams(db: Sql): Promise<TeamView[]> {
  return db.query<TeamView>(`select ${COLUMNS} from teams order by id`);
}

export async function userExists(db: Sql, id: string): Promise<boolean> {
  return (await db.query('select 1 from users where id = $1', [id])).length > 0;
}

/** The new team, or null when one with that id exists. */
export async function insertTeam(db: Sql, t: NewTeam): Promise<TeamView | null> {
  const rows = await db.query<TeamView>(
    `insert into teams (id, branch_id, name, lead_id) values ($1, $2, $3, $4) on conflict (id) do nothing returning ${COLUMNS}`,
    [t.id, t.branchId, t.name, t.leadId ?? null],
  );
  return rows[0] ?? null;
}

/** The changed team, or null when there is none with that id. */
export async function updateTeam(db: Sql, id: string, p: TeamPatch): Promise<TeamView | null> {
  const rows = await db.query<TeamView>(
    `update teams set name = coalesce($2, name),
            lead_id = case when $3::boolean then $4 else lead_id end,
            disabled = coalesce($5, disabled)
      where id = $1 returning ${COLUMNS}`,
    [id, p.name ?? null, p.leadId !== undefined, p.leadId ?? null, p.disabled ?? null],
  );
  return rows[0] ?? null;
}
