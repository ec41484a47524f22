import { CATEGORIES, type Category } from '../events/fields';
import { backlogInstant, openAt, overdueAt } from './backlog';
import { complaintFacts, matchesFilter, round, type ComplaintFacts } from './facts';
import { phoneForRole } from './masking';
import { inPeriod } from './period';
import { scopedComplaints } from './scope';
import type { CategoryCount, GroupKpis, Kpis, Metric, ReportInput, ReportRow, ReportSummary } from './types';

const metric = (list: ComplaintFacts[]): Metric => ({ count: list.length, ids: list.map((f) => f.p.id) });

const mean = (xs: number[], digits: number): number | null =>
  xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length, digits);

/** Which figures of the period each complaint enters, by the moment each figure counts. */
interface InPeriod {
  received: boolean;
  handled: boolean;
  revoked: boolean;
  surveyed: boolean;
  /** Still waiting to be handled when the backlog is read. */
  open: boolean;
}

function kpisOf(list: { f: ComplaintFacts; at: InPeriod }[]): Kpis {
  const received = list.filter((x) => x.at.received).map((x) => x.f);
  const handled = list.filter((x) => x.at.handled).map((x) => x.f);
  const onTime = handled.filter((f) => f.onTime === true);
  const surveyed = list.filter((x) => x.at.surveyed).map((x) => x.f);
  return {
    received: metric(received),
    established: metric(received.filter((f) => f.established)),
    revoked: metric(list.filter((x) => x.at.revoked).map((x) => x.f)),
    handled: metric(handled),
    onTime: metric(onTime),
    late: metric(handled.filter((f) => f.onTime !== true)),
    timelinessRate: handled.length === 0 ? null : round(onTime.length / handled.length, 4),
    avgHandlingHours: mean(handled.map((f) => f.handlingHours).filter((h): h is number => h !== null), 2),
    avgHandlingWorkingDays: mean(handled.map((f) => f.handlingWorkingDays).filter((h): h is number => h !== null), 2),
    surveyed: metric(surveyed),
    satisfactionPct: mean(surveyed.map((f) => f.satisfactionPct).filter((s): s is number => s !== null), 2),
    repeats: metric(received.filter((f) => f.repeat)),
    registeredLate: metric(received.filter((f) => f.registeredLate)),
  };
}

function byKey(
  list: { f: ComplaintFacts; at: InPeriod }[],
  keyOf: (f: ComplaintFacts) => string | null,
  nameOf: (id: string) => string,
): GroupKpis[] {
  const groups = new Map<string, { f: ComplaintFacts; at: InPeriod }[]>();
  for (const x of list) {
    const k = keyOf(x.f);
    if (k === null) continue;
    const g = groups.get(k) ?? [];
    g.push(x);
    groups.set(k, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, g]) => ({ id, name: nameOf(id), kpis: kpisOf(g) }));
}

function byOrder(a: ComplaintFacts, b: ComplaintFacts): number {
  const ra = a.p.receivedAt ?? '';
  const rb = b.p.receivedAt ?? '';
  const ta = Date.parse(ra) || 0;
  const tb = Date.parse(rb) || 0;
  if (ta !== tb) return ta - tb;
  return a.p.number < b.p.number ? -1 : a.p.number > b.p.number ? 1 : a.p.id < b.p.id ? -1 : 1;
}

/**
 * The KPIs of a period from folded complaints, the same computation on a
 * workstation (its synced data, offline) and on the server (for directors).
 * Each figure counts a complaint in the period its own moment falls in:
 * receipt for received, established, repeats and categories; resolution for
 * handled, timeliness and handling time; the officer's review for revoked;
 * the survey for satisfaction.
 */
export function computeSummary(input: ReportInput): ReportSummary {
  const { policy, calendar, directory, viewer, period } = input;
  const filter = input.filter ?? {};
  const tz = policy.timeZone;
  const facts = complaintFacts(scopedComplaints(input.complaints, viewer), policy, calendar, directory);
  const asOf = backlogInstant(period, tz, input.now);

  const counted = facts
    .filter((f) => matchesFilter(f, filter))
    .map((f) => ({
      f,
      at: {
        received: inPeriod(f.p.receivedAt, period, tz),
        handled: inPeriod(f.resolvedAt, period, tz),
        revoked: inPeriod(f.revokedAt, period, tz),
        surveyed: f.satisfactionPct !== null && inPeriod(f.surveyedAt, period, tz),
        open: openAt(f, asOf),
      },
    }))
    .filter((x) => x.at.received || x.at.handled || x.at.revoked || x.at.surveyed || x.at.open)
    .sort((a, b) => byOrder(a.f, b.f));

  const users = new Map(directory.users.map((u) => [u.id, u.displayName]));
  const teams = new Map(directory.teams.map((t) => [t.id, t.name]));
  const branches = new Map(directory.branches.map((b) => [b.id, b.name]));

  const received = counted.filter((x) => x.at.received).map((x) => x.f);
  const categoryCounts = new Map<Category | 'none', ComplaintFacts[]>();
  for (const f of received) {
    const c = f.p.category ?? 'none';
    categoryCounts.set(c, [...(categoryCounts.get(c) ?? []), f]);
  }
  const byCategory: CategoryCount[] = [...CATEGORIES, 'none' as const]
    .filter((c) => categoryCounts.has(c))
    .map((c) => ({ category: c, ...metric(categoryCounts.get(c) ?? []) }));

  const rows: ReportRow[] = counted.map(({ f }) => ({
    id: f.p.id,
    number: f.p.number,
    status: f.p.status,
    category: f.p.category,
    grade: f.p.grade,
    branchId: f.p.branchId,
    agentId: f.attribution.agentId,
    teamId: f.attribution.teamId,
    attributedVia: f.attribution.via,
    phone: phoneForRole(f.p.complainant?.phone, viewer.role),
    receivedAt: f.p.receivedAt,
    resolvedAt: f.resolvedAt,
    handlingDeadline: f.handlingDeadline,
    onTime: f.onTime,
    handlingHours: f.handlingHours,
    handlingWorkingDays: f.handlingWorkingDays,
    finding: f.p.finding,
    revokedAt: f.revokedAt,
    repeat: f.repeat,
    satisfactionPct: f.satisfactionPct,
    registrationHours: f.registrationHours,
  }));

  return {
    period,
    filter,
    totals: kpisOf(counted),
    byBranch: byKey(counted, (f) => f.p.branchId, (id) => branches.get(id) ?? id),
    byTeam: byKey(counted, (f) => f.attribution.teamId, (id) => teams.get(id) ?? id),
    byAgent: byKey(counted, (f) => f.attribution.agentId, (id) => users.get(id) ?? id),
    byCategory,
    backlog: {
      asOf: new Date(asOf).toISOString(),
      open: metric(counted.filter((x) => x.at.open).map((x) => x.f)),
      overdueOpen: metric(counted.filter((x) => x.at.open && overdueAt(x.f, asOf)).map((x) => x.f)),
    },
    rows,
  };
}
