import { createHash } from 'node:crypto';
import { parsePolicy } from '../../shared/policy/policy';
import type { HubDirectory } from '../../shared/protocol/hub';
import type { Db } from '../db/db';
import { bumpReferenceVersion, writePolicy } from '../reference/settings-store';
import { readHubState, writeHubStateStatement } from './state-store';

/** A verifier nothing matches: accounts of other branches are names here, never sign-ins. */
const NO_SIGN_IN = '!';

/**
 * Mirrors central's directory onto the hub, in one transaction, when it
 * changed since the last one applied: branches, teams, accounts (the
 * branch's with their sign-in verifiers, everyone else's as names only and
 * disabled), the policy and the scripts; the hub's reference version is
 * bumped so its workstations pull the change. An account whose verifier or
 * state changed loses its sessions on the hub, as on central. Resolves to
 * whether anything changed, and whether the policy did (projections re-fold).
 */
export async function applyDirectory(db: Db, dir: HubDirectory): Promise<{ changed: boolean; policyChanged: boolean }> {
  const { version: _version, ...content } = dir;
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  if ((await readHubState(db, 'directory_digest')) === digest) return { changed: false, policyChanged: false };
  const parsed = parsePolicy(dir.policy);
  if (!parsed.ok) throw new Error("The central server's policy does not pass this build's policy schema");
  return db.transaction(async (tx) => {
    for (const b of dir.branches) {
      await tx.query(
        `insert into branches (id, name, name_en, disabled) values ($1, $2, $3, $4)
         on conflict (id) do update set name = excluded.name, name_en = excluded.name_en, disabled = excluded.disabled`,
        [b.id, b.name, b.nameEn, b.disabled],
      );
    }
    for (const t of dir.teams) {
      await tx.query(
        `insert into teams (id, branch_id, name, lead_id, disabled) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set branch_id = excluded.branch_id, name = excluded.name, lead_id = excluded.lead_id,
                                        disabled = excluded.disabled`,
        [t.id, t.branchId, t.name, t.leadId, t.disabled],
      );
    }
    const revoked = await tx.query<{ id: string }>(
      `with incoming as (
         select * from json_to_recordset($1::json) as r(id text, username text, display_name text, role text, branch_id text,
                team_id text, job_number text, disabled boolean, updated_at timestamptz, password_hash text)
       ), before as (
         select u.id, u.password_hash, u.disabled, u.role, u.branch_id from users u join incoming i on i.id = u.id
       ), upserted as (
         insert into users (id, username, display_name, role, branch_id, team_id, job_number, password_hash, disabled, updated_at)
         select id, username, display_name, role, branch_id, team_id, job_number, password_hash, disabled, updated_at from incoming
         on conflict (id) do update set username = excluded.username, display_name = excluded.display_name, role = excluded.role,
           branch_id = excluded.branch_id, team_id = excluded.team_id, job_number = excluded.job_number,
           password_hash = excluded.password_hash, disabled = excluded.disabled, updated_at = excluded.updated_at
         returning id
       )
       select i.id from incoming i join before b on b.id = i.id
        where b.password_hash <> i.password_hash or b.disabled <> i.disabled or b.role <> i.role
           or b.branch_id is distinct from i.branch_id`,
      [
        JSON.stringify(
          dir.users.map((u) => ({
            id: u.id,
            username: u.username,
            display_name: u.displayName,
            role: u.role,
            branch_id: u.branchId,
            team_id: u.teamId,
            job_number: u.jobNumber,
            disabled: u.disabled || u.passwordHash === null,
            updated_at: u.updatedAt,
            password_hash: u.passwordHash ?? NO_SIGN_IN,
          })),
        ),
      ],
    );
    if (revoked.length) {
      await tx.query('update auth_tokens set revoked_at = now() where user_id = any($1::text[]) and revoked_at is null', [revoked.map((r) => r.id)]);
    }
    const before = await tx.query<{ value: string }>(`select value from settings where key = 'policy'`);
    const policyChanged = before[0]?.value !== JSON.stringify(parsed.policy);
    if (policyChanged) await writePolicy(tx, parsed.policy);
    await tx.query('delete from scripts');
    for (const s of dir.scripts) {
      await tx.query(
        'insert into scripts (id, language, scenario, category, title, text, sort, disabled) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [s.id, s.language, s.scenario, s.category, s.title, s.text, s.sort, s.disabled],
      );
    }
    await bumpReferenceVersion(tx);
    const state = writeHubStateStatement('directory_digest', digest);
    await tx.query(state.text, state.params);
    return { changed: true, policyChanged };
  });
}
