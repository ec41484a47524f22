import type { ComplaintProjection } from '../fold/projection';
import { inScope } from '../rules/permissions';
import type { Role } from '../roles';
import type { ReportViewer } from './types';

/** Reports are for quality managers, supervisors and directors. */
export const REPORT_ROLES: readonly Role[] = ['quality_manager', 'supervisor', 'director'];

export function canSeeReports(role: Role): boolean {
  return REPORT_ROLES.includes(role);
}

/**
 * The complaints a viewer may count: the same scope as pull, so a
 * workstation's figures equal the server's (a complaint transferred away
 * stays on the old branch's workstations but leaves its reports).
 */
export function scopedComplaints(complaints: readonly ComplaintProjection[], viewer: ReportViewer): ComplaintProjection[] {
  return complaints.filter((p) => p.status !== 'incomplete' && inScope(viewer, p.branchId));
}

/** A branch filter the viewer may ask for (own branch unless they see all). */
export function branchFilterAllowed(viewer: ReportViewer, branchId: string | undefined): boolean {
  return branchId === undefined || inScope(viewer, branchId);
}
