import { assessmentExemptions, type CallbackNormReason, type ExemptionCandidate, type ExemptionDecision } from '../rules/assessment-exemption';
import { isServiceQuality } from './attribution';
import { reviewCallback } from './callback-review';
import { complaintFacts, matchesFilter, type ComplaintFacts } from './facts';
import { inPeriod } from './period';
import { scopedComplaints } from './scope';
import type {
  AgentAssessment,
  AssessmentCounts,
  AssessmentDecisionRow,
  AssessmentReport,
  CallbackReview,
  CallbackStaffAssessment,
  ReportInput,
  SoothingViolations,
  TeamAssessment,
} from './types';

interface Reviewed {
  f: ComplaintFacts;
  callback: CallbackReview | null;
}

function decide(r: Reviewed, exemption: ExemptionDecision | undefined, limit: number): AssessmentDecisionRow {
  const { p, attribution } = r.f;
  const base = {
    complaintId: p.id,
    number: p.number,
    agentId: attribution.agentId,
    teamId: attribution.teamId,
    receivedAt: p.receivedAt,
    established: r.f.established,
    limit,
    secondResolutionReasons: [...p.flags.secondResolutionReasons],
    callback: r.callback,
    // Where the complaint stands in its team's count, whatever the outcome: the count includes every one.
    ...(exemption ? { exemptionPeriod: exemption.period, ordinal: exemption.ordinal, teamCount: exemption.teamCount } : {}),
  };
  const sr = p.flags.secondResolution;
  if (sr === null) return { ...base, outcome: 'pending', reason: 'pending_callback' };
  if (sr === false) return { ...base, outcome: 'assessed', reason: 'no_second_resolution' };
  if (r.f.revokedAt === null) {
    const waiting = p.flags.review === null && p.status === 'callback_pending';
    return waiting
      ? { ...base, outcome: 'pending', reason: 'pending_callback' }
      : { ...base, outcome: 'assessed', reason: 'not_withdrawn_after_callback' };
  }
  if (attribution.teamId === null || !exemption) return { ...base, outcome: 'assessed', reason: 'no_team' };
  return { ...base, outcome: exemption.exempt ? 'exempt' : 'assessed', reason: exemption.reason };
}

/** Who filed the work order (the applied work_order.filed event's author). */
function filerOf(p: ComplaintFacts['p']): string | null {
  return p.timeline.find((t) => t.type === 'work_order.filed' && t.state === 'applied')?.actorId ?? null;
}

function counts(rows: AssessmentDecisionRow[]): AssessmentCounts {
  const assessed = rows.filter((r) => r.outcome === 'assessed');
  return {
    complaints: rows.length,
    exempt: rows.filter((r) => r.outcome === 'exempt').length,
    assessed: assessed.length,
    pending: rows.filter((r) => r.outcome === 'pending').length,
    assessedEstablished: assessed.filter((r) => r.established).length,
    ids: rows.map((r) => r.complaintId),
  };
}

function groupBy<T>(items: T[], key: (t: T) => string | null): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === null) continue;
    m.set(k, [...(m.get(k) ?? []), t]);
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * 考核 of the period's service-quality complaints (filed work orders naming
 * the complained-about agent), received in the period. A team's complaint
 * withdrawn after a norm-following 二解 callback is exempt while it is among
 * the first (policy's limit) service-quality complaints against the team in
 * the assessment period, every one of them counted (not notified for a
 * callback, not accepted, pending included); the count runs over every
 * complaint the viewer may see, whatever the filters, so narrowing the report
 * never changes a decision. Callback staff are assessed "norm not followed"
 * when the caller was not a lead, the note was false, the note came after its
 * deadline or the attempts were not spaced.
 */
export function computeAssessment(input: ReportInput): AssessmentReport {
  const { policy, calendar, directory, viewer, period } = input;
  const filter = input.filter ?? {};
  const limit = policy.assessment.exemptionLimitPerTeamPerPeriod;
  const facts = complaintFacts(scopedComplaints(input.complaints, viewer), policy, calendar, directory);

  const reviewed: Reviewed[] = facts
    .filter((f) => isServiceQuality(f.attribution) && f.p.milestones.filedAt !== null)
    .map((f) => ({ f, callback: f.p.flags.secondResolution ? reviewCallback(f.p, f.attribution.teamId, directory) : null }));

  // Every service-quality complaint against a team counts, notified for a callback or not, accepted or not.
  const candidates: ExemptionCandidate[] = reviewed
    .filter((r) => r.f.attribution.teamId !== null && r.f.p.receivedAt !== null)
    .map((r) => ({
      complaintId: r.f.p.id,
      teamId: r.f.attribution.teamId ?? '',
      receivedAt: r.f.p.receivedAt ?? '',
      withdrawnAfterCallback: r.f.revokedAt !== null && r.f.p.flags.secondResolution === true,
      callbackFollowedNorm: r.callback?.followed ?? false,
    }));
  const exemptions = assessmentExemptions(candidates, policy);
  const byComplaint = new Map(exemptions.map((d) => [d.complaintId, d]));

  const decisions = reviewed
    .filter((r) => inPeriod(r.f.p.receivedAt, period, policy.timeZone) && matchesFilter(r.f, filter))
    .sort((a, b) => (Date.parse(a.f.p.receivedAt ?? '') || 0) - (Date.parse(b.f.p.receivedAt ?? '') || 0) || (a.f.p.number < b.f.p.number ? -1 : 1))
    .map((r) => decide(r, byComplaint.get(r.f.p.id), limit));

  const teamNames = new Map(directory.teams.map((t) => [t.id, t.name]));
  const userNames = new Map(directory.users.map((u) => [u.id, u.displayName]));

  const teams: TeamAssessment[] = groupBy(decisions, (d) => d.teamId).map(([teamId, rows]) => {
    const periods = [...new Set(rows.map((r) => r.exemptionPeriod).filter((x): x is string => x !== undefined))].sort();
    return {
      teamId,
      name: teamNames.get(teamId) ?? teamId,
      ...counts(rows),
      exemptionUse: periods.map((period) => {
        const all = exemptions.filter((d) => d.teamId === teamId && d.period === period);
        const q = all.filter((d) => d.exempt || d.reason === 'over_limit');
        return {
          period,
          complaints: all.length,
          qualifying: q.length,
          exempt: q.filter((d) => d.exempt).length,
          overLimit: q.filter((d) => d.reason === 'over_limit').length,
          limit,
        };
      }),
    };
  });

  const agents: AgentAssessment[] = groupBy(decisions, (d) => d.agentId).map(([agentId, rows]) => ({
    agentId,
    name: userNames.get(agentId) ?? agentId,
    teamId: rows[0]?.teamId ?? null,
    ...counts(rows),
  }));

  const withCallback = decisions.filter((d): d is AssessmentDecisionRow & { callback: CallbackReview } => d.callback !== null);
  const callbackStaff: CallbackStaffAssessment[] = groupBy(withCallback, (d) => d.callback.callerId || null).map(([userId, rows]) => {
    const reasons: Record<CallbackNormReason, number> = {
      caller_not_lead: 0,
      note_false: 0,
      deadline_missed: 0,
      spacing_violated: 0,
      acceptance_asked_too_often: 0,
      apology_calls_exceeded: 0,
    };
    for (const r of rows) for (const why of r.callback.reasons) reasons[why] += 1;
    const followed = rows.filter((r) => r.callback.followed).length;
    return {
      userId,
      name: userNames.get(userId) ?? userId,
      callbacks: rows.length,
      followed,
      notFollowed: rows.length - followed,
      reasons,
      ids: rows.map((r) => r.complaintId),
      spacingViolationIds: rows.filter((r) => r.callback.reasons.includes('spacing_violated')).map((r) => r.complaintId),
    };
  });

  // Whoever files a work order without soothing first is assessed for it, whoever the complaint is about.
  // In receipt order, so the server and every workstation list them alike whatever order they read them in.
  const unsoothed = facts
    .filter((f) => f.p.flags.filedWithoutSoothing && inPeriod(f.p.receivedAt, period, policy.timeZone) && matchesFilter(f, filter))
    .sort((a, b) => (Date.parse(a.p.receivedAt ?? '') || 0) - (Date.parse(b.p.receivedAt ?? '') || 0) || (a.p.number < b.p.number ? -1 : 1));
  const filedWithoutSoothing: SoothingViolations[] = groupBy(unsoothed, (f) => filerOf(f.p)).map(([userId, list]) => ({
    userId,
    name: userNames.get(userId) ?? userId,
    count: list.length,
    ids: list.map((f) => f.p.id),
  }));

  return { period, filter, limit, decisions, teams, agents, callbackStaff, filedWithoutSoothing };
}
