import { z } from 'zod';

/** The roles of the sync protocol, lowest rung of the escalation ladder first (then the hub's machine account). */
export const ROLES = [
  'agent',
  'team_lead',
  'complaint_officer',
  'quality_manager',
  'supervisor',
  'director',
  'admin',
  // A branch hub's account on the central server: it relays its branch's events and never writes one itself.
  'hub',
] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles whose scope is every branch; the others see their own branch only. */
export const ALL_BRANCH_ROLES: readonly Role[] = ['director', 'admin'];

export function seesAllBranches(role: Role): boolean {
  return ALL_BRANCH_ROLES.includes(role);
}
