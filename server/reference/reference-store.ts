import { SYSTEM_ACTORS } from '../../shared/actors/system-actor';
import { calendarFromPolicy } from '../../shared/calendar/calendar';
import type { ReferencePayload } from '../../shared/protocol/reference';
import type { Sql } from '../db/db';
import { listActiveScripts } from '../admin/scripts-store';
import { readPolicy, referenceVersion } from './settings-store';
import { credentialsVersion } from '../auth/credentials-version';
import { directoryPerson, listDirectory } from '../auth/users-store';
import { listBranches } from '../admin/branches-store';
import { listTeams } from '../admin/teams-store';

/** Everything a workstation needs from the server and never writes: the directory, policy, calendar, scripts. */
export async function loadReferenceData(db: Sql): Promise<ReferencePayload> {
  const version = await referenceVersion(db);
  const [users, branches, teams, scripts, policy] = await Promise.all([
    listDirectory(db),
    listBranches(db),
    listTeams(db),
    listActiveScripts(db),
    readPolicy(db),
  ]);
  const calendar = calendarFromPolicy(policy);
  return {
    version,
    users: users.map((u) => ({
      ...directoryPerson(u),
      active: !u.disabled,
      // Workstations drop a user's offline sign-in verifier when this differs from the one seen at sign-in.
      credentialsVersion: credentialsVersion(u.updated_at),
    })),
    /** Writers that are not people (the server's breach escalations): a name for timelines, no role. */
    actors: SYSTEM_ACTORS.map((a) => ({ id: a.id, displayName: a.displayName })),
    branches: branches.map((b) => ({
      id: b.id,
      name: b.name,
      ...(b.nameEn ? { nameEn: b.nameEn } : {}),
      active: !b.disabled,
    })),
    teams: teams.map((t) => ({
      id: t.id,
      branchId: t.branchId,
      name: t.name,
      leadId: t.leadId,
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
