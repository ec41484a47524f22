import { defaultCalendar } from '../calendar/calendar';
import { fold } from '../fold/fold';
import type { ComplaintProjection } from '../fold/projection';
import { defaultPolicy, type Policy } from '../policy/policy';
import { FIXTURE_DIRECTORY, fixtureEvents } from './report-fixture';
import type { ReportInput, ReportPeriod, ReportViewer } from '../reports/types';

/** The fixture folded with the shared fold, as any replica would hold it. */
export function fixtureProjections(policy: Policy = defaultPolicy): ComplaintProjection[] {
  const byComplaint = new Map<string, ReturnType<typeof fixtureEvents>>();
  for (const e of fixtureEvents()) byComplaint.set(e.complaintId, [...(byComplaint.get(e.complaintId) ?? []), e]);
  const ctx = { policy, calendar: defaultCalendar() };
  return [...byComplaint.values()].map((events) => fold(events, ctx)).filter((p): p is ComplaintProjection => p !== null);
}

export const NOVEMBER: ReportPeriod = { from: '2026-11-01', to: '2026-11-30' };
export const OCTOBER: ReportPeriod = { from: '2026-10-01', to: '2026-10-31' };
export const QUALITY_GZ: ReportViewer = { role: 'quality_manager', branchId: 'gz' };
export const DIRECTOR: ReportViewer = { role: 'director', branchId: 'gz' };

export function fixtureInput(over: Partial<ReportInput> = {}): ReportInput {
  const policy = over.policy ?? defaultPolicy;
  return {
    complaints: fixtureProjections(policy),
    policy,
    calendar: defaultCalendar(),
    directory: FIXTURE_DIRECTORY,
    viewer: QUALITY_GZ,
    period: NOVEMBER,
    ...over,
  };
}
