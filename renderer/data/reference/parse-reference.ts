import { parsePolicy, type Policy } from '../../../shared/policy/policy';
import { calendarFromPolicy, makeCalendar, type WorkCalendar } from '../../../shared/calendar/calendar';
import { parseReferencePayload, type CalendarData } from '../../../shared/protocol/reference';
import { SYSTEM_ACTORS, type SystemActor } from '../../../shared/actors/system-actor';
import type { ReferenceBranch, ReferenceScript, ReferenceTeam, ReferenceUser } from '../types/reference';

export type { CalendarData };

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

/**
 * Reads GET /api/reference leniently (the wire contract's reader): each part
 * is checked on its own, so a part this build does not understand leaves the
 * others usable, and a bad policy keeps the previous one rather than half-applying.
 */
export function parseReference(raw: unknown): ParsedReference {
  const { version: _version, policy: rawPolicy, ...parts } = parseReferencePayload(raw);
  const out: ParsedReference = parts;
  if (rawPolicy !== undefined) {
    const policy = parsePolicy(rawPolicy);
    if (policy.ok) out.policy = policy.policy;
  }
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
