import type { Category, Finding } from '../events/fields';
import type { WorkCalendar } from '../calendar/calendar';
import type { ComplaintProjection, ComplaintStatus } from '../fold/projection';
import type { Policy } from '../policy/policy';
import type { Grade } from '../events/fields';
import type { Role } from '../roles';
import type { CallbackNormReason, ExemptionReason } from '../rules/assessment-exemption';
import type { SecondResolutionReason } from '../rules/second-resolution-eligibility';

/** The users directory as reports need it (the reference data both sides have). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  role: Role | string;
  branchId: string | null;
  teamId: string | null;
  jobNumber?: string | null;
}

export interface DirectoryTeam {
  id: string;
  branchId: string;
  name: string;
  leadId?: string | null;
}

export interface DirectoryBranch {
  id: string;
  name: string;
}

export interface Directory {
  users: readonly DirectoryUser[];
  teams: readonly DirectoryTeam[];
  branches: readonly DirectoryBranch[];
}

/** Inclusive local days ('YYYY-MM-DD') in the centre's time zone. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportFilter {
  branchId?: string;
  teamId?: string;
  agentId?: string;
}

/** Who asks: scope (branch) and masking follow the role. */
export interface ReportViewer {
  role: Role;
  branchId: string;
}

/** A number and the complaints behind it. */
export interface Metric {
  count: number;
  ids: string[];
}

export interface Kpis {
  /** Received in the period (by receipt time). */
  received: Metric;
  /** Received in the period and found established or partially established. */
  established: Metric;
  /** Revoked after 二解 in the period (by the officer's review time), not since reopened. */
  revoked: Metric;
  /** Resolved in the period (by resolution time): the denominator of timeliness. */
  handled: Metric;
  /** Of those handled, resolved by the handling deadline (extensions included). */
  onTime: Metric;
  late: Metric;
  /** 投诉处理及时率 = onTime / handled; null when nothing was handled. */
  timelinessRate: number | null;
  /** Mean hours from receipt to resolution over the handled ones. */
  avgHandlingHours: number | null;
  /** Mean working days from the receipt day to the resolution day over the handled ones. */
  avgHandlingWorkingDays: number | null;
  /** Surveyed in the period (by survey time). */
  surveyed: Metric;
  /** Mean survey score as a percentage of its scale; null when nobody was surveyed. */
  satisfactionPct: number | null;
  /** Received in the period and repeating an earlier complaint (same phone and category in the policy window). */
  repeats: Metric;
  /** Received in the period and registered later than the policy's registrationHours after receipt. */
  registeredLate: Metric;
}

export interface GroupKpis {
  id: string;
  name: string;
  kpis: Kpis;
}

export interface CategoryCount {
  category: Category | 'none';
  count: number;
  ids: string[];
}

/** How the responsible agent of a complaint was found. */
export type AttributionVia = 'respondent' | 'notified' | 'assignee' | 'registrar' | 'none';

export interface ReportRow {
  id: string;
  number: string;
  status: ComplaintStatus;
  category: Category | null;
  grade: Grade | null;
  branchId: string;
  agentId: string | null;
  teamId: string | null;
  attributedVia: AttributionVia;
  /** Masked unless the viewer's role needs the full number. */
  phone: string;
  receivedAt: string | null;
  resolvedAt: string | null;
  handlingDeadline: string | null;
  onTime: boolean | null;
  handlingHours: number | null;
  handlingWorkingDays: number | null;
  finding: Finding | null;
  revokedAt: string | null;
  repeat: boolean;
  satisfactionPct: number | null;
  /** Hours from receipt to registration. */
  registrationHours: number | null;
}

export interface ReportSummary {
  period: ReportPeriod;
  filter: ReportFilter;
  totals: Kpis;
  byBranch: GroupKpis[];
  byTeam: GroupKpis[];
  byAgent: GroupKpis[];
  byCategory: CategoryCount[];
  /** Complaints still waiting to be handled at `asOf` (the period's end, or now while it runs), and those of them past the handling deadline. */
  backlog: { asOf: string; open: Metric; overdueOpen: Metric };
  /** Every complaint that some figure above counts, by receipt time then number. */
  rows: ReportRow[];
}

export type AssessmentOutcome = 'exempt' | 'assessed' | 'pending';

/** Why a service-quality complaint is exempt, assessed or not yet decided. */
export type AssessmentReason =
  | ExemptionReason
  | 'no_second_resolution'
  | 'no_team'
  | 'pending_callback';

export interface CallbackReview {
  callerId: string;
  callerRole: string;
  callerActingAsLead: boolean;
  /** When the 二解 was done (the mid-course note) and its due time. */
  calledAt: string | null;
  dueAt: string | null;
  followed: boolean;
  reasons: CallbackNormReason[];
}

export interface AssessmentDecisionRow {
  complaintId: string;
  number: string;
  agentId: string | null;
  teamId: string | null;
  receivedAt: string | null;
  established: boolean;
  outcome: AssessmentOutcome;
  reason: AssessmentReason;
  /** The assessment period the team's count runs in (absent without a team). */
  exemptionPeriod?: string;
  /** Place among every service-quality complaint against the team in that period, by receipt. */
  ordinal?: number;
  /** How many service-quality complaints the team had in that period. */
  teamCount?: number;
  limit: number;
  secondResolutionReasons: SecondResolutionReason[];
  callback: CallbackReview | null;
}

export interface AssessmentCounts {
  complaints: number;
  exempt: number;
  assessed: number;
  pending: number;
  /** Assessed and established or partially established. */
  assessedEstablished: number;
  ids: string[];
}

export interface TeamAssessment extends AssessmentCounts {
  teamId: string;
  name: string;
  /**
   * Per assessment period: every service-quality complaint against the team
   * (the count the limit applies to), the rule-following withdrawals among
   * them, and how many of those were exempt or over the limit.
   */
  exemptionUse: { period: string; complaints: number; qualifying: number; exempt: number; overLimit: number; limit: number }[];
}

export interface AgentAssessment extends AssessmentCounts {
  agentId: string;
  name: string;
  teamId: string | null;
}

export interface CallbackStaffAssessment {
  userId: string;
  name: string;
  callbacks: number;
  followed: number;
  notFollowed: number;
  reasons: Record<CallbackNormReason, number>;
  ids: string[];
  /** The complaints whose callback broke the spacing rule. */
  spacingViolationIds: string[];
}

/** Work orders a person filed without all three soothing steps (a norm violation of its own). */
export interface SoothingViolations {
  userId: string;
  name: string;
  count: number;
  ids: string[];
}

export interface AssessmentReport {
  period: ReportPeriod;
  filter: ReportFilter;
  limit: number;
  decisions: AssessmentDecisionRow[];
  teams: TeamAssessment[];
  agents: AgentAssessment[];
  callbackStaff: CallbackStaffAssessment[];
  /** Per person who filed: work orders filed without soothing first. */
  filedWithoutSoothing: SoothingViolations[];
}

export interface ReportInput {
  complaints: readonly ComplaintProjection[];
  policy: Policy;
  calendar: WorkCalendar;
  directory: Directory;
  viewer: ReportViewer;
  period: ReportPeriod;
  filter?: ReportFilter;
  /** The caller's clock (ms): a period still running reads its backlog now, not at its end. */
  now?: number;
}
