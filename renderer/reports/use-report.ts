import { useMemo } from 'react';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { computeAssessment } from '../../shared/reports/assessment';
import { directoryFrom } from '../../shared/reports/directory';
import { computeSummary } from '../../shared/reports/summary';
import type { AssessmentReport, Directory, ReportFilter, ReportPeriod, ReportSummary } from '../../shared/reports/types';
import type { Reference } from '../data/types/reference';
import type { SessionUser } from '../data/types/session';
import { useAllComplaints } from '../hooks/use-all-complaints';
import { useReference } from '../hooks/use-reference';

export interface UseReport {
  summary: ReportSummary;
  assessment: AssessmentReport;
  directory: Directory;
  reference: Reference;
  /** Complaints by id, for the rows behind a figure and the print view. */
  byId: Map<string, ComplaintProjection>;
  loading: boolean;
}

/**
 * The reports of a period from the local projections, computed with the
 * shared code the server runs, so they work offline and match the server's
 * GET /api/reports for the same synced data.
 */
/** `now`: the screen's clock (ms); a period still running reads its backlog then. */
export function useReport(user: SessionUser, period: ReportPeriod, filter: ReportFilter, now: number): UseReport {
  const reference = useReference();
  const { complaints, loading } = useAllComplaints();
  const directory = useMemo(() => directoryFrom(reference), [reference]);
  const filterKey = JSON.stringify(filter);
  return useMemo(() => {
    const input = {
      complaints,
      policy: reference.policy,
      calendar: reference.calendar,
      directory,
      viewer: { role: user.role, branchId: user.branchId },
      period,
      filter: JSON.parse(filterKey) as ReportFilter,
      now,
    };
    return {
      summary: computeSummary(input),
      assessment: computeAssessment(input),
      directory,
      reference,
      byId: new Map(complaints.map((p) => [p.id, p])),
      loading,
    };
  }, [complaints, reference, directory, user.role, user.branchId, period, filterKey, loading, now]);
}
