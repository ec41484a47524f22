import type { EventType } from '../events/catalogue';
import type { Role } from '../roles';
import { ROLES, seesAllBranches } from '../roles';

const AGENT: Role = 'agent';
const LEAD: Role = 'team_lead';
const OFFICER: Role = 'complaint_officer';
const QUALITY: Role = 'quality_manager';
const SUPERVISOR: Role = 'supervisor';
const DIRECTOR: Role = 'director';
const ADMIN: Role = 'admin';

/** Everyone who works complaints; the admin manages reference data, not cases. */
const HANDLERS: readonly Role[] = [AGENT, LEAD, OFFICER, QUALITY, SUPERVISOR, DIRECTOR];

/**
 * Who may write which event. The server rejects any other pairing (the event
 * is quarantined with a reason); the UI hides what a role cannot do.
 */
export const WRITE_PERMISSIONS = {
  // Intake: whoever takes the call or letter registers it.
  'complaint.created': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'complaint.not_accepted': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'soothing.recorded': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'note.added': HANDLERS,
  'complaint.classified': [AGENT, LEAD, OFFICER, QUALITY, SUPERVISOR, DIRECTOR],
  'complaint.graded': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'complaint.assigned': [LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  // Anyone working the case may ask for help or report upward; the first
  // replica to see a breach writes the breach escalation.
  'complaint.escalated': HANDLERS,
  // 批转 to the branch with jurisdiction.
  'complaint.transferred': [OFFICER, SUPERVISOR, DIRECTOR],
  'work_order.filed': [AGENT, LEAD, OFFICER, SUPERVISOR],
  'parties.notified': [OFFICER, SUPERVISOR],
  // 二解 belongs to the team lead; the officer calls back in the normal flow.
  'callback.scheduled': [LEAD, OFFICER, SUPERVISOR],
  'callback.attempted': [LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'callback.mid_course_note': [LEAD, SUPERVISOR],
  'customer.urged': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'officer.reviewed': [OFFICER, SUPERVISOR],
  'investigation.recorded': [OFFICER, QUALITY, SUPERVISOR, DIRECTOR],
  // General complaints are handled by the customer-service agents themselves.
  'resolution.recorded': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  // Within authority the agent promises and requests; beyond it a supervisor decides.
  'refund.requested': [AGENT, LEAD, OFFICER, SUPERVISOR],
  'refund.approved': [SUPERVISOR, DIRECTOR],
  'refund.denied': [SUPERVISOR, DIRECTOR],
  'customer.notified': [AGENT, LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'survey.recorded': [AGENT, LEAD, OFFICER, QUALITY, SUPERVISOR],
  'complaint.closed': [LEAD, OFFICER, SUPERVISOR, DIRECTOR],
  'complaint.reopened': [OFFICER, QUALITY, SUPERVISOR, DIRECTOR],
  'extension.granted': [OFFICER, SUPERVISOR, DIRECTOR],
  // Erasing personal data (retention, a data-subject request) is an act of management.
  'complaint.redacted': [SUPERVISOR, DIRECTOR, ADMIN],
  // A withdrawal made in error is taken back by the agent's lead or above, never by the agent alone.
  'withdrawal.reversed': [LEAD, OFFICER, SUPERVISOR, DIRECTOR],
} as const satisfies Record<EventType, readonly Role[]>;

export function canWrite(role: Role, eventType: EventType | string): boolean {
  if (!Object.prototype.hasOwnProperty.call(WRITE_PERMISSIONS, eventType)) return false;
  return (WRITE_PERMISSIONS[eventType as EventType] as readonly Role[]).includes(role);
}

/** The event types a role may write, in catalogue order. */
export function writableEventTypes(role: Role): EventType[] {
  return (Object.keys(WRITE_PERMISSIONS) as EventType[]).filter((t) => canWrite(role, t));
}

export interface ScopedUser {
  role: Role;
  branchId: string;
}

/**
 * Branch scope: agents, leads, officers, quality managers and supervisors see
 * their own branch; directors and admins every branch.
 */
export function inScope(user: ScopedUser, complaintBranchId: string): boolean {
  if (!ROLES.includes(user.role)) return false;
  return seesAllBranches(user.role) || user.branchId === complaintBranchId;
}

/** Both checks a server makes before accepting an event. */
export function mayWriteEvent(user: ScopedUser, eventType: string, complaintBranchId: string): boolean {
  return canWrite(user.role, eventType) && inScope(user, complaintBranchId);
}
