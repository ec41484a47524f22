import { localDay, workingDaysBetween, type WorkCalendar } from '../calendar/calendar';
import type { ComplaintProjection } from '../fold/projection';
import type { Policy } from '../policy/policy';
import { normalisePhone, repeatComplaint, type ComplaintKey } from '../rules/repeat-complaint';
import { registrationDelay } from '../rules/registration';
import { attribute, type Attribution } from './attribution';
import type { Directory } from './types';

/** Everything the figures read about one complaint, worked out once. */
export interface ComplaintFacts {
  p: ComplaintProjection;
  attribution: Attribution;
  resolvedAt: string | null;
  handlingDeadline: string | null;
  onTime: boolean | null;
  handlingHours: number | null;
  handlingWorkingDays: number | null;
  established: boolean;
  /** Revoked after 二解 and not reopened since. */
  revokedAt: string | null;
  surveyedAt: string | null;
  satisfactionPct: number | null;
  repeat: boolean;
  /** Hours from receipt to registration, and whether past the policy's registrationHours. */
  registrationHours: number | null;
  registeredLate: boolean;
}

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function surveyTime(p: ComplaintProjection): string | null {
  if (p.survey === null) return null;
  return p.timeline.find((t) => t.type === 'survey.recorded' && t.state === 'applied')?.occurredAt ?? null;
}

function repeatKey(p: ComplaintProjection): ComplaintKey | null {
  if (!p.complainant || !p.category || !p.receivedAt) return null;
  return { id: p.id, phone: p.complainant.phone, category: p.category, receivedAt: p.receivedAt };
}

/**
 * Facts for every complaint. Repeats look at all the complaints given (not
 * only the period's), since the earlier complaint may lie before the period.
 */
export function complaintFacts(
  complaints: readonly ComplaintProjection[],
  policy: Policy,
  calendar: WorkCalendar,
  directory: Directory,
): ComplaintFacts[] {
  // Only the same phone and category can repeat: group first, so the rule sees small lists.
  const groups = new Map<string, ComplaintKey[]>();
  const groupOf = (k: ComplaintKey) => `${k.category}\u0000${normalisePhone(k.phone)}`;
  for (const k of complaints.map(repeatKey)) {
    if (k === null) continue;
    const list = groups.get(groupOf(k)) ?? [];
    list.push(k);
    groups.set(groupOf(k), list);
  }
  return complaints.map((p) => {
    const resolvedAt = p.milestones.resolvedAt;
    const deadline = p.deadlines.handling ?? null;
    let onTime: boolean | null = null;
    let hours: number | null = null;
    let wd: number | null = null;
    if (resolvedAt !== null) {
      if (deadline !== null) onTime = Date.parse(resolvedAt) <= Date.parse(deadline);
      if (p.receivedAt !== null) {
        hours = round((Date.parse(resolvedAt) - Date.parse(p.receivedAt)) / 3_600_000, 2);
        wd = workingDaysBetween(calendar, localDay(calendar, p.receivedAt), localDay(calendar, resolvedAt));
      }
    }
    const key = repeatKey(p);
    const surveyedAt = surveyTime(p);
    const registration = p.receivedAt !== null && p.createdAt !== null ? registrationDelay(p.receivedAt, p.createdAt, policy) : null;
    return {
      p,
      attribution: attribute(p, directory),
      resolvedAt,
      handlingDeadline: deadline,
      onTime,
      handlingHours: hours,
      handlingWorkingDays: wd,
      established: p.finding === 'established' || p.finding === 'partially',
      revokedAt: p.flags.review === 'revoked' && p.flags.assessmentWithdrawn ? p.milestones.revokedAt : null,
      surveyedAt,
      satisfactionPct: p.survey && surveyedAt ? round((p.survey.score / p.survey.scale) * 100, 2) : null,
      repeat: key !== null && repeatComplaint(key, groups.get(groupOf(key)) ?? [], policy).repeat,
      registrationHours: registration?.hours ?? null,
      registeredLate: registration?.late ?? false,
    };
  });
}

/** Whether a complaint passes the report's branch / team / agent filter. */
export function matchesFilter(f: ComplaintFacts, filter: { branchId?: string; teamId?: string; agentId?: string }): boolean {
  if (filter.branchId !== undefined && f.p.branchId !== filter.branchId) return false;
  if (filter.teamId !== undefined && f.attribution.teamId !== filter.teamId) return false;
  if (filter.agentId !== undefined && f.attribution.agentId !== filter.agentId) return false;
  return true;
}
