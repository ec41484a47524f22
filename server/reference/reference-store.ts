import { SYSTEM_ACTORS } from '../../shared/actors/system-actor';
import { calendarFromPolicy } from '../../shared/calendar/calendar';
import type { ReferencePayload } from '../../shared/protocol/reference';
import type { Sql } from '../db/db';
import { listActiveScripts } from '../admin/scripts-store';
import { readPolicy, referenceVersion } from './settings-store';
import { credentialsVersion } from '../auth/credentials-version';
import { listDirectory } from '../auth/users-store';

/** Everything a workstation needs from the server and never writes: the directory, policy, calendar, scripts. */
export async function loadReferenceData(db: Sql): Promise<ReferencePayload> {
  const version = await referenceVersion(db);
  const [users, branches, teams, scripts, policy] = await Promise.all([
    listDirectory(db),
    db.query<{ id: string; name: string; name_en: string | null; disabled: boolean }>(
      'select id, name, name_en, disabled from branches order by id',
    ),
    db.query<{ id: string; branch_id: string; name: string; lead_id: string | null; disabled: boolean }>(
      'select id, branch_id, name, lead_id, disabled from teams order by id',
    ),
    listActiveScripts(db),
    readPolicy(db),
  ]);
  const calendar = calendarFromPolicy(policy);
  return {
    version,
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      branchId: u.branch_id,
      teamId: u.team_id,
      jobNumber: u.job_number,
      active: !u.disabled,
      // Workstations drop a user's offline sign-in verifier when this differs from the one seen at sign-in.
      credentialsVersion: credentialsVersion(u.updated_at),
    })),
    /** Writers that are not people (the server's breach escalations): a name for timelines, no role. */
    actors: SYSTEM_ACTORS.map((a) => ({ id: a.id, displayName: a.displayName })),
    branches: branches.map((b) => ({
      id: b.id,
      name: b.name,
      ...(b.name_en ? { nameEn: b.name_en } : {}),
      active: !b.disabled,
    })),
    teams: teams.map((t) => ({
      id: t.id,
      branchId: t.branch_id,
      name: t.name,
      leadId: t.lead_id,
      memberIds: users.filter((u) => u.team_id === t.id).map((u) => u.id),
      active: !t.disabled,
    })),
    policy,
    calendar: {
      timeZone: calendar.timeZone,
      dayEnd: calendar.dayEnd,
      holidays: [...calendar.holidays].sort(),
      makeupWorkdays: [...calendar.makeupWorkdays].sort(),
      extraHolidays: policy.calendar.extraHolidays,
      extraWorkdays: policy.calendar.extraWorkdays,
    },
    scripts: scripts.map((s) => ({
      id: s.id,
      language: s.language,
      scenario: s.scenario,
      ...(s.category ? { category: s.category } : {}),
      title: s.title,
      text: s.text,
      sort: Number(s.sort),
      audience: s.audience,
    })),
  };
}
