import { z } from 'zod';
import { parsePolicy, type Policy } from '../../../shared/policy/policy';
import { calendarFromPolicy, makeCalendar, type WorkCalendar } from '../../../shared/calendar/calendar';
import { roleSchema } from '../../../shared/roles';
import { SYSTEM_ACTORS, type SystemActor } from '../../../shared/actors/system-actor';
import type { ReferenceBranch, ReferenceScript, ReferenceTeam, ReferenceUser } from '../types';

/**
 * Reads GET /api/reference leniently: each part is checked on its own, so a
 * part this build does not understand leaves the others usable, and a bad
 * policy keeps the previous one rather than half-applying.
 */
const userSchema = z.looseObject({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().default(''),
  role: roleSchema,
  branchId: z.string().nullable().default(null),
  teamId: z.string().nullable().default(null),
  jobNumber: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  active: z.boolean().optional(),
  credentialsVersion: z.string().max(100).optional(),
});
const actorSchema = z.object({ id: z.string().min(1).max(64), displayName: z.string().min(1).max(100) });
const branchSchema = z.looseObject({ id: z.string().min(1), name: z.string().default(''), nameEn: z.string().optional() });
const teamSchema = z.looseObject({
  id: z.string().min(1),
  branchId: z.string().min(1),
  name: z.string().default(''),
  leadId: z.string().nullable().optional(),
  memberIds: z.array(z.string()).optional(),
});
const scriptSchema = z.looseObject({
  id: z.string().min(1),
  category: z.string().optional(),
  scenario: z.string().optional(),
  language: z.string().optional(),
  title: z.string().optional(),
  text: z.string(),
});
const calendarDataSchema = z.object({
  timeZone: z.string().optional(),
  dayEnd: z.string().optional(),
  holidays: z.array(z.string()).optional(),
  makeupWorkdays: z.array(z.string()).optional(),
});

export interface ParsedReference {
  users?: ReferenceUser[];
  /** Writers that are not people, as the server names them. */
  actors?: SystemActor[];
  branches?: ReferenceBranch[];
  teams?: ReferenceTeam[];
  scripts?: ReferenceScript[];
  policy?: Policy;
  /** The calendar's plain data as received (Sets are rebuilt on read). */
  calendar?: CalendarData;
}

export type CalendarData = z.infer<typeof calendarDataSchema>;

function list<T>(raw: unknown, item: z.ZodType<T>): T[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: T[] = [];
  for (const entry of raw) {
    const parsed = item.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function parseReference(raw: unknown): ParsedReference {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: ParsedReference = {};
  const users = list(r.users, userSchema);
  if (users) out.users = users as ReferenceUser[];
  const actors = list(r.actors, actorSchema);
  if (actors) out.actors = actors;
  const branches = list(r.branches, branchSchema);
  if (branches) out.branches = branches as ReferenceBranch[];
  const teams = list(r.teams, teamSchema);
  if (teams) out.teams = teams as ReferenceTeam[];
  const scripts = list(r.scripts, scriptSchema);
  if (scripts) out.scripts = scripts as ReferenceScript[];
  if (r.policy !== undefined) {
    const policy = parsePolicy(r.policy);
    if (policy.ok) out.policy = policy.policy;
  }
  const cal = calendarDataSchema.safeParse(r.calendar);
  if (r.calendar !== undefined && cal.success) out.calendar = cal.data;
  return out;
}

/**
 * The directory a workstation shows: the users, then the writers that are not
 * people (the server's names when it sent them, else the built-in ones), so a
 * timeline names the server's breach escalations before the first pull too.
 * They hold no branch and are inactive, so no list of assignable people shows them.
 */
export function directoryUsers(users: readonly ReferenceUser[], actors: readonly SystemActor[] | undefined): ReferenceUser[] {
  const named = new Map<string, SystemActor>(SYSTEM_ACTORS.map((a) => [a.id, a]));
  for (const a of actors ?? []) named.set(a.id, a);
  const people = new Set(users.map((u) => u.id));
  const extra: ReferenceUser[] = [...named.values()]
    .filter((a) => !people.has(a.id))
    .map((a) => ({ id: a.id, username: a.id, displayName: a.displayName, role: 'system', branchId: null, teamId: null, active: false, system: true }));
  return [...users, ...extra];
}

/** The calendar to fold with: the server's explicit table when it sent one, else the policy's. */
export function calendarFor(policy: Policy, data: CalendarData | undefined): WorkCalendar {
  if (!data || (!data.holidays && !data.makeupWorkdays)) return calendarFromPolicy(policy);
  return makeCalendar({
    timeZone: data.timeZone ?? policy.timeZone,
    dayEnd: data.dayEnd ?? policy.dayEnd,
    holidays: data.holidays ?? [],
    makeupWorkdays: data.makeupWorkdays ?? [],
  });
}
