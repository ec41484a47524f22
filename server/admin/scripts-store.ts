import type { Sql } from '../db/db';
import type { NewScript, ScriptPatch } from './admin-schemas';

export interface ScriptView {
  id: string;
  language: string;
  scenario: string;
  category: string | null;
  title: string;
  text: string;
  sort: number;
  disabled: boolean;
  /** `agent`: soothing at intake; `lead`: the lead's 二解 callback. */
  audience: 'agent' | 'lead';
}

const COLUMNS = 'id, language, scenario, category, title, text, sort, disabled, audience';

export function listScripts(db: Sql): Promise<ScriptView[]> {
  return db.query<ScriptView>(`select ${COLUMNS} from scripts order by sort, id`);
}

/** The scripts workstations receive with the reference data: the ones not disabled. */
export function listActiveScripts(db: Sql): Promise<ScriptView[]> {
  return db.query<ScriptView>(`select ${COLUMNS} from scripts where not disabled order by sort, id`);
}

/** The new script, or null when one with that id exists. */
export async function insertScript(db: Sql, id: string, s: NewScript): Promise<ScriptView | null> {
  const rows = await db.query<ScriptView>(
    `insert into scripts (id, language, scenario, category, title, text, sort, audience)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing returning ${COLUMNS}`,
    [id, s.language, s.scenario, s.category ?? null, s.title, s.text, s.sort ?? 0, s.audience ?? 'agent'],
  );
  return rows[0] ?? null;
}

/** The changed script, or null when there is none with that id. */
export async function updateScript(db: Sql, id: string, p: ScriptPatch): Promise<ScriptView | null> {
  const rows = await db.query<ScriptView>(
    `update scripts set language = coalesce($2, language), scenario = coalesce($3, scenario),
            category = case when $4::boolean then $5 else category end,
            title = coalesce($6, title), text = coalesce($7, text), sort = coalesce($8, sort),
            disabled = coalesce($9, disabled), audience = coalesce($10, audience), updated_at = now()
      where id = $1 returning ${COLUMNS}`,
    [
      id, p.language ?? null, p.scenario ?? null, p.category !== undefined, p.category ?? null, p.title ?? null, p.text ?? null,
      p.sort ?? null, p.disabled ?? null, p.audience ?? null,
    ],
  );
  return rows[0] ?? null;
}

/** Whether a script with that id was there to delete. */
export async function deleteScript(db: Sql, id: string): Promise<boolean> {
  return (await db.query('delete from scripts where id = $1 returning id', [id])).length > 0;
}
