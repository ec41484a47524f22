import type { Role } from '../../shared/roles';
import type { QueueScope } from '../data/types/queue';
import type { ScreenId } from '../state/ui-store';
import { allowedScreens } from './nav-items';

/**
 * Where each role's work is, so signing in leads there: agents take calls,
 * leads call back, officers review, supervisors watch the branch's queue,
 * managers and directors read the reports.
 */
const LANDING: Record<Role, ScreenId> = {
  agent: 'new',
  team_lead: 'callbacks',
  complaint_officer: 'review',
  supervisor: 'team',
  quality_manager: 'reports',
  director: 'reports',
  admin: 'reports',
  hub: 'queue',
};

export function landingScreen(role: Role): ScreenId {
  const screen = LANDING[role];
  return allowedScreens(role).includes(screen) ? screen : 'queue';
}

/**
 * Whether a sign-in that just resolved should still lead to the role's
 * landing screen. The shell can appear before the sign-in resolves, and the
 * person may already have gone somewhere (a link, a deep address, a screen
 * pop): any change of the address since the sign-in began is their choice and
 * wins, even a return to the screen the last person left open. Already on the
 * landing screen, landing again only clears the selection.
 */
export function landsAfterSignIn(o: { hashBefore: string; hashNow: string; screenNow: ScreenId; landing: ScreenId }): boolean {
  return o.hashNow === o.hashBefore || o.screenNow === o.landing;
}

/**
 * The "Queue" screen's starting scope. People handling their own cases start
 * on theirs; supervisors and quality managers, who are assigned nothing, start
 * on the branch, directors on every branch.
 */
export function queueScope(role: Role): QueueScope {
  if (role === 'agent' || role === 'team_lead' || role === 'complaint_officer') return 'mine';
  if (role === 'director' || role === 'admin') return 'all';
  return 'branch';
}
