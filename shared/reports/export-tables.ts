import { formatInstant } from './format';
import type { Cell, Table } from './table';
import type { AssessmentReport, Directory, GroupKpis, Kpis, ReportSummary } from './types';

/** Column keys of the exports; the UI passes translated labels, English is the fallback. */
export const EXPORT_LABELS_EN = {
  number: 'Number',
  status: 'Status',
  category: 'Category',
  grade: 'Grade',
  branch: 'Branch',
  team: 'Team',
  agent: 'Agent',
  attributedVia: 'Attributed via',
  phone: 'Phone',
  receivedAt: 'Received',
  resolvedAt: 'Resolved',
  handlingDeadline: 'Handling deadline',
  onTime: 'On time',
  handlingHours: 'Handling hours',
  handlingWorkingDays: 'Handling working days',
  finding: 'Finding',
  revokedAt: 'Revoked after callback',
  repeat: 'Repeat',
  satisfactionPct: 'Satisfaction %',
  group: 'Group',
  name: 'Name',
  received: 'Received',
  established: 'Established',
  revoked: 'Revoked after callback',
  handled: 'Handled',
  late: 'Late',
  timelinessRate: 'Timeliness rate %',
  avgHandlingHours: 'Average handling hours',
  avgHandlingWorkingDays: 'Average handling working days',
  surveyed: 'Surveyed',
  repeats: 'Repeats',
  outcome: 'Outcome',
  reason: 'Reason',
  exemptionPeriod: 'Exemption period',
  ordinal: 'Place in period',
  limit: 'Limit',
  caller: 'Caller',
  callbackFollowed: 'Callback followed the norm',
  callbackReasons: 'Norm breaches',
  calledAt: 'Called',
  callbackDue: 'Callback due',
  sheetRows: 'Complaints',
  sheetKpis: 'KPIs',
  sheetAssessment: 'Assessment',
  total: 'Total',
  byBranch: 'Branch',
  byTeam: 'Team',
  byAgent: 'Agent',
} as const;

export type ExportLabelKey = keyof typeof EXPORT_LABELS_EN;
export type Labels = (key: ExportLabelKey) => string;
/** Translates enumerated values (status, category, outcome...) for the cells; identity by default. */
export type ValueLabel = (kind: 'status' | 'category' | 'finding' | 'outcome' | 'reason' | 'via' | 'callbackReason', value: string) => string;

export const englishLabels: Labels = (k) => EXPORT_LABELS_EN[k];
const sameValue: ValueLabel = (_kind, v) => v;

function namer(directory: Directory) {
  const users = new Map(directory.users.map((u) => [u.id, u.displayName]));
  const teams = new Map(directory.teams.map((t) => [t.id, t.name]));
  const branches = new Map(directory.branches.map((b) => [b.id, b.name]));
  return {
    user: (id: string | null) => (id === null ? '' : (users.get(id) ?? id)),
    team: (id: string | null) => (id === null ? '' : (teams.get(id) ?? id)),
    branch: (id: string) => branches.get(id) ?? id,
  };
}

const pct = (x: number | null): Cell => (x === null ? null : Math.round(x * 10_000) / 100);

/** The complaints behind the figures, one row each (phone already masked for the viewer). */
export function rowsTable(s: ReportSummary, directory: Directory, timeZone: string, label: Labels = englishLabels, value: ValueLabel = sameValue): Table {
  const n = namer(directory);
  const at = (iso: string | null) => formatInstant(iso, timeZone);
  const keys: ExportLabelKey[] = [
    'number', 'status', 'category', 'grade', 'branch', 'team', 'agent', 'attributedVia', 'phone', 'receivedAt',
    'resolvedAt', 'handlingDeadline', 'onTime', 'handlingHours', 'handlingWorkingDays', 'finding', 'revokedAt',
    'repeat', 'satisfactionPct',
  ];
  return {
    name: label('sheetRows'),
    headers: keys.map(label),
    rows: s.rows.map((r) => [
      r.number,
      value('status', r.status),
      r.category === null ? null : value('category', r.category),
      r.grade,
      n.branch(r.branchId),
      n.team(r.teamId),
      n.user(r.agentId),
      value('via', r.attributedVia),
      r.phone,
      at(r.receivedAt),
      at(r.resolvedAt),
      at(r.handlingDeadline),
      r.onTime,
      r.handlingHours,
      r.handlingWorkingDays,
      r.finding === null ? null : value('finding', r.finding),
      at(r.revokedAt),
      r.repeat,
      r.satisfactionPct,
    ]),
  };
}

function kpiCells(k: Kpis): Cell[] {
  return [
    k.received.count,
    k.established.count,
    k.revoked.count,
    k.handled.count,
    k.onTime.count,
    k.late.count,
    pct(k.timelinessRate),
    k.avgHandlingHours,
    k.avgHandlingWorkingDays,
    k.surveyed.count,
    k.satisfactionPct,
    k.repeats.count,
  ];
}

/** The KPIs: the total, then per branch, team and agent. */
export function kpiTable(s: ReportSummary, label: Labels = englishLabels): Table {
  const keys: ExportLabelKey[] = [
    'group', 'name', 'received', 'established', 'revoked', 'handled', 'onTime', 'late', 'timelinessRate',
    'avgHandlingHours', 'avgHandlingWorkingDays', 'surveyed', 'satisfactionPct', 'repeats',
  ];
  const group = (kind: ExportLabelKey, list: GroupKpis[]) => list.map((g) => [label(kind), g.name, ...kpiCells(g.kpis)]);
  return {
    name: label('sheetKpis'),
    headers: keys.map(label),
    rows: [
      [label('total'), `${s.period.from} – ${s.period.to}`, ...kpiCells(s.totals)],
      ...group('byBranch', s.byBranch),
      ...group('byTeam', s.byTeam),
      ...group('byAgent', s.byAgent),
    ],
  };
}

/** One row per service-quality complaint with its decision and why. */
export function assessmentTable(a: AssessmentReport, directory: Directory, timeZone: string, label: Labels = englishLabels, value: ValueLabel = sameValue): Table {
  const n = namer(directory);
  const keys: ExportLabelKey[] = [
    'number', 'team', 'agent', 'receivedAt', 'established', 'outcome', 'reason', 'exemptionPeriod', 'ordinal', 'limit',
    'caller', 'callbackFollowed', 'callbackReasons', 'calledAt', 'callbackDue',
  ];
  return {
    name: label('sheetAssessment'),
    headers: keys.map(label),
    rows: a.decisions.map((d) => [
      d.number,
      n.team(d.teamId),
      n.user(d.agentId),
      formatInstant(d.receivedAt, timeZone),
      d.established,
      value('outcome', d.outcome),
      value('reason', d.reason),
      d.exemptionPeriod ?? null,
      d.ordinal ?? null,
      d.limit,
      d.callback ? n.user(d.callback.callerId) : null,
      d.callback ? d.callback.followed : null,
      d.callback ? d.callback.reasons.map((r) => value('callbackReason', r)).join('; ') : null,
      d.callback ? formatInstant(d.callback.calledAt, timeZone) : null,
      d.callback ? formatInstant(d.callback.dueAt, timeZone) : null,
    ]),
  };
}
