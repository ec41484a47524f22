import { z } from 'zod';
import type { Policy } from '../policy/policy';
import { roleSchema, type Role } from '../roles';

/**
 * `GET /api/reference`: what every workstation needs from the server and
 * never writes. Readers take it leniently, part by part and entry by entry
 * (`parseReferencePayload`), so a part one build does not understand leaves
 * the others usable.
 */
export const referenceUserSchema = z.looseObject({
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

/** Writers that are not people (the server's breach escalations): a name for timelines, no role. */
export const referenceActorSchema = z.object({ id: z.string().min(1).max(64), displayName: z.string().min(1).max(100) });

export const referenceBranchSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  nameEn: z.string().optional(),
  active: z.boolean().optional(),
});

export const referenceTeamSchema = z.looseObject({
  id: z.string().min(1),
  branchId: z.string().min(1),
  name: z.string().default(''),
  leadId: z.string().nullable().optional(),
  memberIds: z.array(z.string()).optional(),
  active: z.boolean().optional(),
});

export const referenceScriptSchema = z.looseObject({
  id: z.string().min(1),
  category: z.string().optional(),
  scenario: z.string().optional(),
  language: z.string().optional(),
  title: z.string().optional(),
  text: z.string(),
  sort: z.number().optional(),
  audience: z.enum(['agent', 'lead']).optional(),
});

export const referenceCalendarSchema = z.object({
  timeZone: z.string().optional(),
  dayEnd: z.string().optional(),
  holidays: z.array(z.string()).optional(),
  makeupWorkdays: z.array(z.string()).optional(),
  extraHolidays: z.array(z.string()).optional(),
  extraWorkdays: z.array(z.string()).optional(),
});
export type CalendarData = z.infer<typeof referenceCalendarSchema>;

/** A person or a writer that is not one, as a workstation's directory lists them. */
export interface ReferenceUser {
  id: string;
  username: string;
  displayName: string;
  /** 'system' only for writers that are not people (see `system`): never a permission. */
  role: Role | 'system';
  /** Null for roles that see every branch and belong to none. */
  branchId: string | null;
  teamId: string | null;
  jobNumber?: string;
  active?: boolean;
  /** The server's credentials version of the account (changes when an admin changes it). */
  credentialsVersion?: string;
  /** A writer that is not a person (the server's breach escalations): named in timelines, never assigned or signed in. */
  system?: true;
}

export interface ReferenceActor {
  id: string;
  displayName: string;
}

export interface ReferenceBranch {
  id: string;
  name: string;
  nameEn?: string;
  active?: boolean;
}

export interface ReferenceTeam {
  id: string;
  branchId: string;
  name: string;
  leadId?: string | null;
  memberIds?: string[];
  active?: boolean;
}

/** A soothing script line (安抚口径) with {placeholders}. */
export interface ReferenceScript {
  id: string;
  category?: string;
  scenario?: string;
  language?: string;
  title?: string;
  text: string;
  sort?: number;
  /** `agent` (intake soothing; also when absent, as from an older server) or `lead` (the 二解 callback). */
  audience?: 'agent' | 'lead';
}

/** The whole answer as the server sends it. */
export interface ReferencePayload {
  version: number;
  users: (Omit<ReferenceUser, 'role' | 'jobNumber' | 'system'> & { role: string; jobNumber: string | null })[];
  actors: ReferenceActor[];
  branches: ReferenceBranch[];
  teams: ReferenceTeam[];
  policy: Policy;
  calendar: Required<CalendarData>;
  scripts: ReferenceScript[];
}

/** What a lenient read of the answer kept: each part only when it was readable. */
export interface ParsedReferencePayload {
  version?: number;
  users?: ReferenceUser[];
  actors?: ReferenceActor[];
  branches?: ReferenceBranch[];
  teams?: ReferenceTeam[];
  scripts?: ReferenceScript[];
  /** The policy as sent; checked by its own reader (`parsePolicy`). */
  policy?: unknown;
  calendar?: CalendarData;
}

function list<T>(raw: unknown, item: z.ZodType<T>): T[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: T[] = [];
  for (const entry of raw) {
    const parsed = item.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Reads the answer part by part; unreadable entries (a role this build does not know) are left out. */
export function parseReferencePayload(raw: unknown): ParsedReferencePayload {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: ParsedReferencePayload = {};
  if (typeof r.version === 'number' && Number.isInteger(r.version)) out.version = r.version;
  const users = list(r.users, referenceUserSchema);
  if (users) out.users = users as ReferenceUser[];
  const actors = list(r.actors, referenceActorSchema);
  if (actors) out.actors = actors;
  const branches = list(r.branches, referenceBranchSchema);
  if (branches) out.branches = branches as ReferenceBranch[];
  const teams = list(r.teams, referenceTeamSchema);
  if (teams) out.teams = teams as ReferenceTeam[];
  const scripts = list(r.scripts, referenceScriptSchema);
  if (scripts) out.scripts = scripts as ReferenceScript[];
  if (r.policy !== undefined) out.policy = r.policy;
  const cal = referenceCalendarSchema.safeParse(r.calendar);
  if (r.calendar !== undefined && cal.success) out.calendar = cal.data;
  return out;
}
