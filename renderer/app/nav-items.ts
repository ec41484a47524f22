import type { Role } from '../../shared/roles';
import { ACCESS_LOG_READERS } from '../../shared/audit/access-record';
import type { ScreenId } from '../state/ui-store';

export interface NavItem {
  screen: ScreenId;
  /** Translation key of the visible text. */
  labelKey: string;
  /** The English accessible name automation finds it by. */
  name: string;
}

const TEAM_ROLES: readonly Role[] = ['team_lead'];
const BRANCH_ROLES: readonly Role[] = ['complaint_officer', 'quality_manager', 'supervisor', 'director', 'admin'];
const REVIEW_ROLES: readonly Role[] = ['complaint_officer', 'quality_manager'];
const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'director'];
const REPORT_ROLES: readonly Role[] = ['quality_manager', 'supervisor', 'director', 'admin'];

/**
 * The left navigation for a role. "New complaint" and "Queue" are there for
 * everyone (the automation contract counts on them); the rest by duty.
 */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { screen: 'new', labelKey: 'nav.new', name: 'New complaint' },
    { screen: 'queue', labelKey: 'nav.queue', name: 'Queue' },
  ];
  if (TEAM_ROLES.includes(role)) items.push({ screen: 'team', labelKey: 'nav.team', name: 'Team queue' });
  if (BRANCH_ROLES.includes(role)) items.push({ screen: 'team', labelKey: 'nav.branch', name: 'Branch queue' });
  if (role === 'team_lead') items.push({ screen: 'callbacks', labelKey: 'nav.callbacks', name: 'Callbacks' });
  if (REVIEW_ROLES.includes(role)) items.push({ screen: 'review', labelKey: 'nav.review', name: 'Review' });
  if (SUPERVISOR_ROLES.includes(role)) items.push({ screen: 'supervisor', labelKey: 'nav.supervisor', name: 'Supervisor' });
  if (REPORT_ROLES.includes(role)) items.push({ screen: 'reports', labelKey: 'nav.reports', name: 'Reports' });
  if ((ACCESS_LOG_READERS as readonly Role[]).includes(role)) items.push({ screen: 'accessLog', labelKey: 'privacy.navAccess', name: 'Access log' });
  if (role === 'admin') items.push({ screen: 'erasure', labelKey: 'privacy.navErasure', name: 'Erasure' });
  items.push(
    { screen: 'attention', labelKey: 'nav.attention', name: 'Needs attention' },
    { screen: 'outbox', labelKey: 'nav.outbox', name: 'Outbox' },
    { screen: 'settings', labelKey: 'nav.settings', name: 'Settings' },
  );
  return items;
}

/** Screens a role may open; anything else falls back to the queue. */
export function allowedScreens(role: Role): ScreenId[] {
  return navItemsFor(role).map((i) => i.screen);
}
